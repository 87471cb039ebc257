// Backups and restore with the real binary and real SQLite files: online backups while serving
// (admin route and CLI), a SIGKILL in the middle of a backup, restore refused while a server
// runs, restore round trip, bad files refused, older backups migrated forward, the worker's
// scheduled backups and their retention.
#include "server/features/backups/backup_repository.h"
#include "server/features/backups/backup_service.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "server/platform/migrator.h"
#include "tests/support/raw_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_server.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;
using namespace Qt::Literals::StringLiterals;

namespace {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments, const QString &holdMs = u"0"_s)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CORKBOARD_LOG_LEVEL"_s, u"warning"_s);
    env.insert(u"CORKBOARD_TEST_BACKUP_HOLD_MS"_s, holdMs);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("CORKBOARD_BINARY"), arguments);
    CliResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList serverArguments()
{
    return {u"--threads"_s, u"2"_s, u"--open-registration"_s, u"true"_s, u"--password-ops-limit"_s,
        u"1"_s, u"--password-mem-limit"_s, u"8192"_s};
}

QProcessEnvironment serverEnvironment(const QString &interval, const QString &holdMs = u"0"_s)
{
    QProcessEnvironment env;
    env.insert(u"CORKBOARD_BACKUP_INTERVAL"_s, interval);
    env.insert(u"CORKBOARD_TEST_BACKUP_HOLD_MS"_s, holdMs);
    return env;
}

QString baseUrl(const ServerProcess &server, const QString &path)
{
    return u"http://127.0.0.1:%1%2"_s.arg(server.port()).arg(path);
}

QString registerAccount(const ServerProcess &server, const QString &email)
{
    const auto r = httpJson("POST", baseUrl(server, u"/api/v1/auth/register"_s),
        {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
            {u"display_name"_s, u"Someone"_s}});
    return r.data().value(u"tokens"_s).toObject().value(u"access_token"_s).toString();
}

int createBoard(const ServerProcess &server, const QString &token, const QString &name)
{
    return httpJson("POST", baseUrl(server, u"/api/v1/boards"_s), {{u"name"_s, name}}, token)
        .status;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Board names stored in a database file, read on a connection of the test's own.
QStringList boardNames(const QString &path)
{
    static int counter = 0;
    const QString name = u"names-%1"_s.arg(++counter);
    QStringList names;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"SELECT name FROM boards ORDER BY name"_s);
            while (q.next())
                names.append(q.value(0).toString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return names;
}

void execOn(const QString &path, const QStringList &statements)
{
    static int counter = 0;
    const QString name = u"exec-%1"_s.arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const auto &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool privateToOwner(const QString &path)
{
    const auto p = QFileInfo(path).permissions();
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (p & others) == 0 && (p & QFileDevice::ReadOwner);
}

int newestSchema()
{
    return Migrator::builtinMigrations().last().version;
}

QStringList backupFiles(const QString &dataDir)
{
    return QDir(QDir(dataDir).filePath(u"backups"_s))
        .entryList({u"*.db"_s}, QDir::Files, QDir::Name);
}

} // namespace

class TestBackups : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void adminMakesVerifiedPrivateBackupsWhileServing()
    {
        ServerProcess server(serverArguments(), serverEnvironment(u"off"_s));
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString admin = registerAccount(server, u"admin@example.com"_s);
        const QString member = registerAccount(server, u"member@example.com"_s);
        QVERIFY(!admin.isEmpty() && !member.isEmpty());
        QCOMPARE(createBoard(server, admin, u"Roadmap"_s), 201);

        const QString route = baseUrl(server, u"/api/v1/admin/backups"_s);
        QCOMPARE(http("POST", route, {}, {{"Authorization", "Bearer " + member.toLatin1()}}).code(),
            u"FORBIDDEN"_s);
        QCOMPARE(httpAuth("GET", route, member).status, 403);
        QVERIFY(backupFiles(server.dataDir()).isEmpty());

        const auto made
            = http("POST", route, {}, {{"Authorization", "Bearer " + admin.toLatin1()}});
        QCOMPARE(made.status, 201);
        const QJsonObject backup = made.data();
        QCOMPARE(backup.value(u"kind"_s).toString(), u"manual"_s);
        QCOMPARE(backup.value(u"schema_version"_s).toInt(), newestSchema());
        const QString file
            = QDir(server.dataDir()).filePath(u"backups/"_s + backup.value(u"name"_s).toString());
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(backup.value(u"size_bytes"_s).toInteger(), QFileInfo(file).size());
        QVERIFY(privateToOwner(file));
        QVERIFY(privateToOwner(QDir(server.dataDir()).filePath(u"backups"_s)));
        QCOMPARE(boardNames(file), QStringList {u"Roadmap"_s});
        // A single self-contained file: no WAL beside it, the integrity check passes.
        const auto check = BackupRepository::inspect(file, false);
        QVERIFY2(check.ok, qPrintable(check.problem));
        QVERIFY(!QFileInfo::exists(file + u"-wal"_s));

        const auto listed = httpAuth("GET", route, admin);
        QCOMPARE(listed.status, 200);
        const QJsonArray items = listed.json().value(u"data"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value(u"name"_s), backup.value(u"name"_s));

        // The CLI, while the server runs: a named file, then the listing.
        QTemporaryDir elsewhere;
        const QString copy = elsewhere.filePath(u"copy.db"_s);
        const auto cli = runCli({u"--backup"_s, copy, u"--data-dir"_s, server.dataDir()});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QVERIFY(cli.out.contains(u"verified"_s));
        QCOMPARE(boardNames(copy), QStringList {u"Roadmap"_s});
        QVERIFY(privateToOwner(copy));
        const auto again = runCli({u"--backup"_s, copy, u"--data-dir"_s, server.dataDir()});
        QCOMPARE(again.exitCode, 1); // never overwrites
        const auto list = runCli({u"--backup"_s, u"--list"_s, u"--data-dir"_s, server.dataDir()});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(backup.value(u"name"_s).toString()), qPrintable(list.out));
    }

    void sigkillMidBackupLeavesDatabaseAndEarlierBackupsIntact()
    {
        // The server holds every backup it makes for 30 s between writing and renaming it.
        ServerProcess server(serverArguments(), serverEnvironment(u"off"_s, u"30000"_s));
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString admin = registerAccount(server, u"admin@example.com"_s);
        QCOMPARE(createBoard(server, admin, u"Kept"_s), 201);
        const auto earlier = runCli({u"--backup"_s, u"--data-dir"_s, server.dataDir()});
        QVERIFY2(earlier.exitCode == 0, qPrintable(earlier.err));
        const QStringList before = backupFiles(server.dataDir());
        QCOMPARE(before.size(), 1);
        const QString earlierFile = QDir(server.dataDir()).filePath(u"backups/"_s + before.first());
        const QByteArray earlierHash = sha256(earlierFile);

        RawClient client;
        QVERIFY(client.connectTo(server.port()));
        QVERIFY(client.send("POST /api/v1/admin/backups HTTP/1.1\r\nHost: localhost\r\n"
                            "Authorization: Bearer "
            + admin.toLatin1() + "\r\nContent-Length: 0\r\n\r\n"));
        QVERIFY(server.waitForStderr("backup copy written, not yet in place", 30000));
        // Writers are not stopped by a backup in progress.
        QCOMPARE(createBoard(server, admin, u"Written during the backup"_s), 201);

        server.process().kill(); // SIGKILL
        QVERIFY(server.waitForExit(10000));

        const QString live = QDir(server.dataDir()).filePath(u"corkboard.db"_s);
        const auto liveCheck = BackupRepository::inspect(live, false);
        QVERIFY2(liveCheck.ok, qPrintable(liveCheck.problem));
        QCOMPARE(boardNames(live), (QStringList {u"Kept"_s, u"Written during the backup"_s}));
        QCOMPARE(sha256(earlierFile), earlierHash);
        QVERIFY(BackupRepository::inspect(earlierFile, false).ok);
        // The half-made backup is not listed (it stays a hidden .partial until swept).
        QCOMPARE(backupFiles(server.dataDir()), before);
        const auto list = runCli({u"--backup"_s, u"--list"_s, u"--data-dir"_s, server.dataDir()});
        QCOMPARE(list.out.count(u".db"_s), 1);

        // The killed server's lock went with it: a backup and a restore both work now.
        const auto next = runCli({u"--backup"_s, u"--data-dir"_s, server.dataDir()});
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QCOMPARE(backupFiles(server.dataDir()).size(), 2);
        const auto restored
            = runCli({u"--restore"_s, earlierFile, u"--data-dir"_s, server.dataDir()});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QCOMPARE(boardNames(live), QStringList {u"Kept"_s});
    }

    void restoreIsRefusedWhileServingThenRoundTrips()
    {
        ServerProcess server(serverArguments(), serverEnvironment(u"off"_s));
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString admin = registerAccount(server, u"admin@example.com"_s);
        QCOMPARE(createBoard(server, admin, u"Before"_s), 201);
        QTemporaryDir elsewhere;
        const QString file = elsewhere.filePath(u"before.db"_s);
        QCOMPARE(runCli({u"--backup"_s, file, u"--data-dir"_s, server.dataDir()}).exitCode, 0);
        QCOMPARE(createBoard(server, admin, u"After"_s), 201);

        const auto refused = runCli({u"--restore"_s, file, u"--data-dir"_s, server.dataDir()});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(u"server is running"_s), qPrintable(refused.err));
        const auto boards = httpAuth("GET", baseUrl(server, u"/api/v1/boards"_s), admin);
        QCOMPARE(boards.json().value(u"data"_s).toArray().size(), 2);
        QVERIFY(backupFiles(server.dataDir()).isEmpty());
        QVERIFY(!QFileInfo::exists(QDir(server.dataDir()).filePath(u"corkboard.db.restoring"_s)));

        server.terminate();
        QVERIFY(server.waitForExit(20000));
        const QString live = QDir(server.dataDir()).filePath(u"corkboard.db"_s);
        QCOMPARE(boardNames(live), (QStringList {u"After"_s, u"Before"_s}));

        const auto restored = runCli({u"--restore"_s, file, u"--data-dir"_s, server.dataDir()});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QVERIFY(restored.out.contains(u"kept as"_s));
        QCOMPARE(boardNames(live), QStringList {u"Before"_s});
        QVERIFY(BackupRepository::inspect(live, false).ok);
        // What was replaced is kept aside, private, and listed.
        const QStringList kept = backupFiles(server.dataDir());
        QCOMPARE(kept.size(), 1);
        QVERIFY(kept.first().startsWith(u"corkboard-pre-restore-"_s));
        const QString aside = QDir(server.dataDir()).filePath(u"backups/"_s + kept.first());
        QCOMPARE(boardNames(aside), (QStringList {u"After"_s, u"Before"_s}));
        QVERIFY(privateToOwner(aside));

        // The restored data serves.
        ServerProcess again(serverArguments() + QStringList {u"--data-dir"_s, server.dataDir()},
            serverEnvironment(u"off"_s));
        QVERIFY2(again.start(), qPrintable(again.error()));
        const auto login = httpJson("POST", baseUrl(again, u"/api/v1/auth/login"_s),
            {{u"email"_s, u"admin@example.com"_s}, {u"password"_s, u"correct horse battery"_s}});
        QCOMPARE(login.status, 200);
        const QString token
            = login.data().value(u"tokens"_s).toObject().value(u"access_token"_s).toString();
        const auto after = httpAuth("GET", baseUrl(again, u"/api/v1/boards"_s), token);
        QCOMPARE(after.json().value(u"data"_s).toArray().size(), 1);
    }

    void restoreRefusesBadFilesAndMigratesOlderOnesForward()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        QCOMPARE(runCli({u"--migrate"_s, u"up"_s, u"--data-dir"_s, data}).exitCode, 0);
        const QString live = QDir(data).filePath(u"corkboard.db"_s);
        const QByteArray liveHash = sha256(live);

        const QString garbage = dir.filePath(u"garbage.db"_s);
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        const QString foreign = dir.filePath(u"foreign.db"_s);
        execOn(foreign, {u"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"_s});
        const QString newer = dir.filePath(u"newer.db"_s);
        QCOMPARE(runCli({u"--backup"_s, newer, u"--data-dir"_s, data}).exitCode, 0);
        execOn(newer,
            {u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, "
             "'from_the_future', '2030-01-01T00:00:00.000Z')"_s});

        const QList<QPair<QString, QString>> refusals {{garbage, u"not a SQLite database"_s},
            {foreign, u"not a Corkboard database"_s}, {newer, u"newer Corkboard"_s},
            {dir.filePath(u"missing.db"_s), u"not a file"_s}};
        for (const auto &[file, why] : refusals) {
            const auto r = runCli({u"--restore"_s, file, u"--data-dir"_s, data});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(why), qPrintable(r.err));
            QCOMPARE(sha256(live), liveHash);
            QVERIFY(backupFiles(data).isEmpty());
        }

        // A backup from before the newest migration is brought forward on restore.
        const QString older = dir.filePath(u"older.db"_s);
        QCOMPARE(runCli({u"--backup"_s, older, u"--data-dir"_s, data}).exitCode, 0);
        {
            Config config;
            config.dataDir = dir.path();
            config.databaseUrl = u"sqlite:"_s + older;
            Database db(config, u"make-older"_s);
            QCOMPARE(Migrator(db).down(1), 1);
        }
        QCOMPARE(BackupRepository::inspect(older, false).schemaVersion,
            Migrator::builtinMigrations().at(Migrator::builtinMigrations().size() - 2).version);
        const auto r = runCli({u"--restore"_s, older, u"--data-dir"_s, data});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"1 migration(s) applied"_s), qPrintable(r.out));
        QCOMPARE(BackupRepository::inspect(live, false).schemaVersion, newestSchema());
    }

    void scheduledBackupsKeepSevenDailyAndFourWeekly()
    {
        QTemporaryDir dir;
        Config config = testConfig(dir.path());
        {
            Database db(config, u"migrate"_s);
            Migrator(db).up();
        }
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(3, 0), Qt::UTC));
        BackupService service(config, clock);
        const qint64 day = 24ll * 3600 * 1000;
        const QDateTime start = clock.now();
        for (int d = 0; d < 60; ++d) {
            clock.set(start.addDays(d));
            const qint64 slot = (clock.nowMs() / day) * day;
            QVERIFY(service.runScheduled(slot));
            QVERIFY(!service.runScheduled(slot)); // the same slot again: nothing more
        }
        QList<BackupInfo> scheduled;
        for (const auto &b : service.list()) {
            if (b.kind == u"scheduled"_s)
                scheduled.append(b);
        }
        QCOMPARE(scheduled.size(), 11);
        for (int i = 0; i < 7; ++i)
            QCOMPARE(scheduled.at(i).createdAt.date(), start.addDays(59 - i).date());
        QSet<int> weeks;
        for (int i = 7; i < 11; ++i) {
            int year = 0;
            weeks.insert(scheduled.at(i).createdAt.date().weekNumber(&year) + 100 * year);
            QVERIFY(scheduled.at(i).createdAt < scheduled.at(6).createdAt);
        }
        QCOMPARE(weeks.size(), 4);
    }

    void theWorkerMakesTheScheduledBackup()
    {
        ServerProcess server(serverArguments(), serverEnvironment(u"1d"_s));
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString admin = registerAccount(server, u"admin@example.com"_s);
        QJsonArray items;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                items = httpAuth("GET", baseUrl(server, u"/api/v1/admin/backups"_s), admin)
                            .json()
                            .value(u"data"_s)
                            .toArray();
                return !items.isEmpty();
            }(),
            30000);
        QCOMPARE(items.first().toObject().value(u"kind"_s).toString(), u"scheduled"_s);
    }
};

QTEST_GUILESS_MAIN(TestBackups)
#include "test_backups.moc"
