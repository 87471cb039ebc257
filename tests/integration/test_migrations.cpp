// Migrations on a real SQLite file: up → down → up gives the same schema, a VACUUM INTO backup
// is written before new migrations touch an existing database, a failing migration changes
// nothing, and `corkboard --migrate status|up|down N` works.
#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "server/platform/migrator.h"

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;

namespace {
Config configFor(const QTemporaryDir &dir)
{
    Config c;
    c.dataDir = dir.path();
    c.databaseUrl = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("corkboard.db"));
    return c;
}

//! Every schema object but SQLite's own, as "type name: sql" lines in a stable order.
QStringList schemaOf(Database &db)
{
    QStringList out;
    SqlQuery q(db,
        QStringLiteral("SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    q.exec();
    while (q.next()) {
        out.append(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString()
            + QStringLiteral(": ") + q.value(2).toString());
    }
    return out;
}

QStringList tablesIn(const QString &path)
{
    QStringList out;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
            while (q.next())
                out.append(q.value(0).toString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return out;
}

QList<Migration> twoMigrations()
{
    return {
        {1, QStringLiteral("notes"),
            QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n"),
            QStringLiteral("DROP TABLE notes;\n")},
        {2, QStringLiteral("tags"),
            QStringLiteral("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT);\n"),
            QStringLiteral("DROP TABLE tags;\n")},
    };
}

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QString &dataDir, const QStringList &arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CORKBOARD_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("CORKBOARD_LOG_LEVEL"), QStringLiteral("warning"));
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("CORKBOARD_BINARY"), arguments);
    CliResult r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinMigrationsAreNumberedWithBothScripts()
    {
        const auto all = Migrator::builtinMigrations();
        QVERIFY(!all.isEmpty());
        for (const auto &m : all) {
            QVERIFY2(!m.up.trimmed().isEmpty(), qPrintable(m.name));
            QVERIFY2(!m.down.trimmed().isEmpty(), qPrintable(m.name));
        }
    }

    void upDownUpGivesTheSameSchema()
    {
        QTemporaryDir dir;
        const Config config = configFor(dir);
        Database db(config, QStringLiteral("updownup"));
        Migrator migrator(db);
        const int total = int(Migrator::builtinMigrations().size());
        QCOMPARE(migrator.up(), total);
        QVERIFY(migrator.pending().isEmpty());
        const QStringList first = schemaOf(db);
        QVERIFY(first.size() > 1);

        QCOMPARE(migrator.down(total), total);
        QCOMPARE(migrator.pending().size(), total);
        // Only the bookkeeping table is left.
        const QStringList empty = schemaOf(db);
        QCOMPARE(empty.size(), 1);
        QVERIFY(empty.first().startsWith(QLatin1String("table schema_migrations")));

        QCOMPARE(migrator.up(), total);
        QCOMPARE(schemaOf(db), first);
    }

    void eachStepReversesCleanly()
    {
        QTemporaryDir dir;
        const Config config = configFor(dir);
        Database db(config, QStringLiteral("steps"));
        Migrator migrator(db);
        migrator.up();
        const QStringList full = schemaOf(db);
        const int total = int(Migrator::builtinMigrations().size());
        for (int i = 0; i < total; ++i) {
            QCOMPARE(migrator.down(1), 1);
            QCOMPARE(migrator.up(), 1);
            QCOMPARE(schemaOf(db), full);
        }
    }

    void backupIsWrittenBeforeMigratingAnExistingDatabase()
    {
        QTemporaryDir dir;
        const Config config = configFor(dir);
        const QString backups = dir.filePath(QStringLiteral("backups"));
        {
            Database db(config, QStringLiteral("backup-1"));
            Migrator first(db, twoMigrations().mid(0, 1));
            QCOMPARE(first.up(backups), 1);
            // A brand-new database has nothing worth copying.
            QVERIFY(QDir(backups).entryList(QDir::Files).isEmpty());
            SqlQuery(db, QStringLiteral("INSERT INTO notes (body) VALUES ('keep me')")).exec();
        }
        Database db(config, QStringLiteral("backup-2"));
        Migrator second(db, twoMigrations());
        QCOMPARE(second.up(backups), 1);
        const QStringList files = QDir(backups).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY2(files.first().startsWith(QLatin1String("corkboard-before-0002-")),
            qPrintable(files.first()));

        // The copy is the database as it was before migration 2.
        const QString copy = QDir(backups).filePath(files.first());
        const QStringList tables = tablesIn(copy);
        QVERIFY(tables.contains(QStringLiteral("notes")));
        QVERIFY(!tables.contains(QStringLiteral("tags")));
        {
            QSqlDatabase b
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
            b.setDatabaseName(copy);
            QVERIFY(b.open());
            QSqlQuery q(b);
            QVERIFY(q.exec(QStringLiteral("SELECT body FROM notes")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("keep me"));
            b.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("copy"));

        // Nothing pending: no new backup.
        QCOMPARE(second.up(backups), 0);
        QCOMPARE(QDir(backups).entryList(QDir::Files).size(), 1);
    }

    void failingMigrationChangesNothing()
    {
        QTemporaryDir dir;
        const Config config = configFor(dir);
        Database db(config, QStringLiteral("failing"));
        QList<Migration> list = twoMigrations();
        list[1].up = QStringLiteral(
            "CREATE TABLE tags (id INTEGER PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);\n");
        Migrator migrator(db, list);
        QVERIFY_THROWS_EXCEPTION(AppError, migrator.up());
        QCOMPARE(migrator.pending(), QList<int> {2});
        const QStringList schema = schemaOf(db);
        QVERIFY(!schema.join(QLatin1Char('\n')).contains(QLatin1String("tags")));
    }

    void commandLineStatusDownUp()
    {
        QTemporaryDir dir;
        const int total = int(Migrator::builtinMigrations().size());
        const auto last = Migrator::builtinMigrations().last();

        CliResult r = runCli(dir.path(), {QStringLiteral("--migrate"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QLatin1String(" pending ")), total);

        r = runCli(dir.path(), {QStringLiteral("--migrate"), QStringLiteral("up")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("applied %1 migration(s)").arg(total)),
            qPrintable(r.out));
        QCOMPARE(r.out.count(QLatin1String(" applied ")), total);

        r = runCli(
            dir.path(), {QStringLiteral("--migrate"), QStringLiteral("down"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("reverted 1 migration(s)")), qPrintable(r.out));
        const QString lastLine = QStringLiteral("%1 pending %2")
                                     .arg(last.version, 4, 10, QLatin1Char('0'))
                                     .arg(last.name);
        QVERIFY2(r.out.contains(lastLine), qPrintable(r.out));

        r = runCli(dir.path(), {QStringLiteral("--migrate"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(lastLine));

        r = runCli(dir.path(), {QStringLiteral("--migrate"), QStringLiteral("up")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("applied 1 migration(s)")), qPrintable(r.out));
        QCOMPARE(r.out.count(QLatin1String(" pending ")), 0);
        // The database existed, so a backup was taken first.
        QCOMPARE(QDir(dir.filePath(QStringLiteral("backups"))).entryList(QDir::Files).size(), 1);

        r = runCli(dir.path(),
            {QStringLiteral("--migrate"), QStringLiteral("down"), QStringLiteral("zero")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
