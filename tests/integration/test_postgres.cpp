// PostgreSQL as the second engine, on a real cluster (a fresh database per test; CTest runs this
// with CORKBOARD_TEST_ENGINE=postgres, see tests/CMakeLists.txt): its migrations go up → down →
// up to the same schema and match SQLite's versions; the outbox stays gapless per board in commit
// order under concurrent writers with separate writer locks (as two instances have); job claims
// pass over rows another transaction holds (FOR UPDATE SKIP LOCKED); a connection the server
// dropped is opened again; an unreachable server fails fast and /ready's probe says so.
#include "server/features/events/outbox_pump.h"
#include "server/features/events/outbox_repository.h"
#include "server/features/health/health_repository.h"
#include "server/features/jobs/job_queue.h"
#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "server/platform/migrator.h"
#include "tests/support/board_api.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <atomic>

using namespace corkboard;

namespace {
Config postgresConfig(const QTemporaryDir &dir)
{
    Config c;
    c.dataDir = dir.path();
    c.databaseUrl = test::freshPostgresDatabase();
    c.databasePassword = qEnvironmentVariable("CORKBOARD_DATABASE_PASSWORD");
    return c;
}

QString uniqueName(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

//! Every column, index, constraint, trigger and function of the public schema, sorted.
QStringList schemaOf(Database &db)
{
    SqlQuery q(db,
        QStringLiteral(
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || "
            "  is_nullable || ' ' || coalesce(column_default, '') || ' ' || "
            "  coalesce(collation_name, '') || ' ' || coalesce(generation_expression, '') "
            "  FROM information_schema.columns WHERE table_schema = 'public' "
            "UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || "
            "  pg_get_constraintdef(oid) FROM pg_constraint "
            "  WHERE connamespace = 'public'::regnamespace "
            "UNION ALL SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) "
            "  FROM pg_trigger WHERE NOT tgisinternal "
            "UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc "
            "  WHERE pronamespace = 'public'::regnamespace "
            "ORDER BY 1"));
    q.exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult migrateTo(const QString &dataDir, const QString &url)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CORKBOARD_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("CORKBOARD_LOG_LEVEL"), QStringLiteral("warning"));
    env.remove(QStringLiteral("CORKBOARD_DATABASE_URL"));
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("CORKBOARD_BINARY"), {QStringLiteral("--migrate-to"), url});
    CliResult r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A private cluster of packaging/pg-test-cluster, for a test that stops and starts its server.
bool cluster(const QString &command, const QString &dir, QString *exports = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(CORKBOARD_SOURCE_DIR "/packaging/pg-test-cluster"), {command, dir});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning(
            "pg-test-cluster %s: %s", qPrintable(command), p.readAllStandardError().constData());
        return false;
    }
    if (exports)
        *exports = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

//! A private cluster for a test that stops and starts its server: started at construction
//! (url() is empty when that failed), stopped at the end. Straight under /tmp: the cluster's
//! user (nobody, under root) must reach it.
class PrivateCluster
{
public:
    PrivateCluster()
        : m_dir(QDir::tempPath() + QStringLiteral("/corkboard-pg-private-XXXXXX"))
    {
        QString exports;
        if (cluster(QStringLiteral("start"), m_dir.path(), &exports))
            m_url = exports.section(QLatin1Char('\''), 1, 1);
    }
    ~PrivateCluster() { stop(); }
    QString url() const { return m_url; }
    bool start() { return cluster(QStringLiteral("start"), m_dir.path()); }
    bool stop() { return cluster(QStringLiteral("stop"), m_dir.path()); }

private:
    QTemporaryDir m_dir;
    QString m_url;
};

JobQueue::NewJob job(const QString &key, qint64 runAt)
{
    JobQueue::NewJob j;
    j.kind = QStringLiteral("test.effect");
    j.idempotencyKey = key;
    j.runAtMs = runAt;
    return j;
}
//! After a database restart each server thread notices its dropped connection once (503, the
//! client retries) and opens it again: true once four of at most ten reads came back 200, and
//! none with anything but 200 or 503.
bool servesAgain(test::TestServer &server, const test::RegisteredUser &owner, const QString &board)
{
    int ok = 0;
    for (int i = 0; i < 10 && ok < 4; ++i) {
        const int status = test::httpAuth(
            "GET", server.url(QStringLiteral("/api/v1/boards/") + board), owner.accessToken)
                               .status;
        if (status != 200 && status != 503)
            return false;
        ok += status == 200 ? 1 : 0;
    }
    return ok == 4;
}
} // namespace

class TestPostgres : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        crypto::initialize();
        logging::install(logging::Format::Text,
            qEnvironmentVariable("CORKBOARD_TEST_LOG_LEVEL", QStringLiteral("error")));
        QVERIFY2(test::testUsesPostgres(), "run through CTest (CORKBOARD_TEST_ENGINE=postgres)");
    }

    void migrationsMatchSqlitesVersionsAndNames()
    {
        const auto sqlite = Migrator::builtinMigrations(SqlEngine::Sqlite);
        const auto postgres = Migrator::builtinMigrations(SqlEngine::Postgres);
        QCOMPARE(postgres.size(), sqlite.size());
        for (qsizetype i = 0; i < sqlite.size(); ++i) {
            QCOMPARE(postgres.at(i).version, sqlite.at(i).version);
            QCOMPARE(postgres.at(i).name, sqlite.at(i).name);
            QVERIFY2(!postgres.at(i).up.trimmed().isEmpty(), qPrintable(postgres.at(i).name));
            QVERIFY2(!postgres.at(i).down.trimmed().isEmpty(), qPrintable(postgres.at(i).name));
        }
    }

    void upDownUpGivesTheSameSchema()
    {
        QTemporaryDir dir;
        const Config config = postgresConfig(dir);
        Database db(config, uniqueName("updownup"));
        QVERIFY(db.isPostgres());
        Migrator migrator(db);
        const int total = int(Migrator::builtinMigrations(SqlEngine::Postgres).size());
        QCOMPARE(migrator.up(), total);
        const QStringList first = schemaOf(db);
        QVERIFY(first.size() > 100);
        QVERIFY(first.contains(
            QStringLiteral("index CREATE INDEX cards_search ON public.cards USING gin (search)")));
        QCOMPARE(migrator.down(total), total);
        // Only the bookkeeping table is left.
        for (const QString &line : schemaOf(db))
            QVERIFY2(line.contains(QLatin1String("schema_migrations")), qPrintable(line));
        QCOMPARE(migrator.up(), total);
        QCOMPARE(schemaOf(db), first);
    }

    //! Two writers with their own in-process writer locks (two instances) append events of one
    //! board and hold their transaction open a moment after the append; a reader polling
    //! `seq > last` the whole time must end up with every event: no later seq commits first.
    void outboxIsGaplessPerBoardUnderConcurrentWriters()
    {
        QTemporaryDir dirA;
        QTemporaryDir dirB;
        Config a = postgresConfig(dirA);
        {
            Database db(a, uniqueName("outbox-setup"));
            Migrator(db).up();
        }
        Config b = a;
        b.dataDir = dirB.path(); // another writer lock, as another instance has
        const QString board = QStringLiteral("board-1");
        constexpr int kPerWriter = 60;
        std::atomic<int> writersLeft {2};
        auto writer = [board, &writersLeft](Config config, int salt) {
            Database db(config, uniqueName("outbox-writer"));
            for (int i = 0; i < kPerWriter; ++i) {
                Transaction tx(db);
                EventEnvelope e;
                e.type = QStringLiteral("card.updated");
                e.boardId = board;
                e.actorId = QStringLiteral("u");
                e.at = QDateTime::currentDateTimeUtc();
                e.data = QByteArray("{}");
                OutboxRepository(db).append(e);
                // The rest of the transaction: a later seq of the other writer could commit now.
                QThread::usleep(200 + ((i * 37 + salt) % 5) * 400);
                tx.commit();
            }
            --writersLeft;
        };
        QThread *w1 = QThread::create(writer, a, 1);
        QThread *w2 = QThread::create(writer, b, 2);
        Database reader(a, uniqueName("outbox-reader"));
        QList<qint64> seen;
        qint64 last = 0;
        w1->start();
        w2->start();
        bool done = false;
        while (!done) {
            done = writersLeft.load() == 0; // one more read after both finished
            for (const EventEnvelope &e : OutboxRepository(reader).since(board, last, 1000)) {
                seen.append(e.seq);
                last = e.seq;
            }
        }
        w1->wait();
        w2->wait();
        delete w1;
        delete w2;
        QCOMPARE(seen.size(), 2 * kPerWriter);
        QList<qint64> all;
        for (const EventEnvelope &e : OutboxRepository(reader).since(board, 0, 1000))
            all.append(e.seq);
        QCOMPARE(seen, all);
    }

    //! A job row locked by another transaction (another worker mid-claim) is passed over, not
    //! waited for; every job is claimed once by two claiming connections.
    void jobClaimsSkipLockedRows()
    {
        QTemporaryDir dirA;
        QTemporaryDir dirB;
        Config a = postgresConfig(dirA);
        Database db(a, uniqueName("jobs-a"));
        Migrator(db).up();
        Config b = a;
        b.dataDir = dirB.path();
        Database other(b, uniqueName("jobs-b"));
        JobQueue queue(db);
        QVERIFY(queue.enqueue(job(QStringLiteral("first"), 1000), 1000));
        QVERIFY(queue.enqueue(job(QStringLiteral("second"), 2000), 2000));
        Transaction holding(other);
        SqlQuery lock(other,
            QStringLiteral("SELECT id FROM jobs WHERE idempotency_key = 'first' FOR UPDATE"));
        lock.exec();
        QVERIFY(lock.next());
        QElapsedTimer timer;
        timer.start();
        const auto claimed = queue.claim(QStringLiteral("w1"), 5000, 60000, {});
        QVERIFY(claimed.has_value());
        QCOMPARE(claimed->idempotencyKey, QStringLiteral("second"));
        holding.commit();
        const auto next = JobQueue(other).claim(QStringLiteral("w2"), 5000, 60000, {});
        QVERIFY(next.has_value());
        QCOMPARE(next->idempotencyKey, QStringLiteral("first"));
        QVERIFY(!queue.claim(QStringLiteral("w1"), 5000, 60000, {}).has_value());
    }

    void droppedConnectionIsOpenedAgain()
    {
        QTemporaryDir dir;
        const Config config = postgresConfig(dir);
        Database db(config, uniqueName("reconnect"));
        Migrator(db).up();
        {
            Database admin(config, uniqueName("terminator"));
            SqlQuery kill(admin,
                QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()"));
            kill.exec();
            QVERIFY(kill.next());
            QVERIFY(kill.value(0).toInt() >= 1);
        }
        // The statement on the dropped connection fails as unavailable (503, retry) …
        bool unavailable = false;
        try {
            SqlQuery q(db, QStringLiteral("SELECT count(*) FROM schema_migrations"));
            q.exec();
        } catch (const AppError &e) {
            unavailable = e.code() == ErrorCode::Unavailable;
        }
        QVERIFY(unavailable);
        // … and the next one runs on a new connection.
        SqlQuery again(db, QStringLiteral("SELECT count(*) FROM schema_migrations"));
        again.exec();
        QVERIFY(again.next());
        QVERIFY(again.value(0).toInt() > 0);
        Transaction tx(db);
        SqlQuery(db, QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('k', 'v')"))
            .exec();
        tx.commit();
        HealthRepository health(config);
        QVERIFY(health.probe().databaseOk);
    }

    //! An SQLite data dir with accounts, a board, cards and comments is copied into an empty
    //! PostgreSQL database; a server on it signs the same user in, shows the same board, and its
    //! next event continues the outbox after the copied seqs. A second copy is refused.
    void migrateToCopiesAnSqliteDataDir()
    {
        QTemporaryDir dataDir;
        const auto onSqlite = [&dataDir](Config &c) {
            c.dataDir = dataDir.path();
            c.databaseUrl
                = QStringLiteral("sqlite:") + dataDir.path() + QStringLiteral("/corkboard.db");
            c.startWorker = false;
        };
        QString boardId;
        QString columnId;
        qint64 lastSeq = 0;
        {
            test::TestServer server(onSqlite);
            const auto owner = test::registerUser(server, QStringLiteral("owner@example.test"));
            const auto editor = test::registerUser(server, QStringLiteral("Editor@Example.test"));
            test::BoardApi api {server};
            std::tie(boardId, columnId) = api.createBoard(owner, {editor});
            const QString card = api.createCard(
                owner, boardId, columnId, QStringLiteral("Platypus plan"), {}, QString());
            api.createCard(editor, boardId, columnId, QStringLiteral("second"), {}, QString());
            QCOMPARE(test::httpJson("POST",
                         server.url(QStringLiteral("/api/v1/cards/%1/comments").arg(card)),
                         {{QStringLiteral("body"), QStringLiteral("a platypus comment")}},
                         owner.accessToken)
                         .status,
                201);
            lastSeq
                = test::countRows(server.config(), QStringLiteral("SELECT MAX(seq) FROM events"));
            QVERIFY(lastSeq > 0);
        }
        const QString target = test::freshPostgresDatabase();
        const CliResult copied = migrateTo(dataDir.path(), target);
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err + copied.out));
        QVERIFY2(copied.out.contains(QLatin1String("counts verified")), qPrintable(copied.out));
        QVERIFY(copied.out.contains(QRegularExpression(QStringLiteral("\\bcards +2\\b"))));
        QVERIFY(copied.out.contains(QRegularExpression(QStringLiteral("\\busers +2\\b"))));
        const CliResult again = migrateTo(dataDir.path(), target);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("not empty")), qPrintable(again.err));

        test::TestServer server([&](Config &c) {
            c.dataDir = dataDir.path();
            c.databaseUrl = target;
            c.startWorker = false;
        });
        // E-mail stays case-insensitive on the copy.
        const auto editor = test::loginUser(server, QStringLiteral("editor@example.TEST"));
        QVERIFY(!editor.accessToken.isEmpty());
        const auto snapshot = test::httpAuth("GET",
            server.url(QStringLiteral("/api/v1/boards/%1").arg(boardId)), editor.accessToken);
        QCOMPARE(snapshot.status, 200);
        QCOMPARE(snapshot.data().value(QStringLiteral("cards")).toArray().size(), 2);
        const auto hits = test::httpAuth("GET",
            server.url(QStringLiteral("/api/v1/search?q=platypus&board_id=") + boardId),
            editor.accessToken);
        QCOMPARE(hits.json().value(QStringLiteral("data")).toArray().size(), 2);
        test::BoardApi api {server};
        api.createCard(editor, boardId, columnId, QStringLiteral("after the move"), {}, QString());
        QVERIFY(test::countRows(server.config(), QStringLiteral("SELECT MAX(seq) FROM events"))
            > lastSeq);
    }

    //! tsvector + GIN behind the same API as FTS5: a title hit ranks above a description hit,
    //! prefixes match, snippets mark the words; tsquery syntax in the query text is only text.
    void searchIsRankedWithSnippetsAndHostileTextIsHarmless()
    {
        test::TestServer server([](Config &c) { c.startWorker = false; });
        QVERIFY(server.config().usesPostgres());
        const auto owner = test::registerUser(server, QStringLiteral("s@example.test"));
        test::BoardApi api {server};
        // Named copies: clang 14 cannot capture structured bindings in the lambda below.
        const auto created = api.createBoard(owner, {});
        const QString board = created.first;
        const QString column = created.second;
        const QString weak = api.createCard(owner, board, column, QStringLiteral("misc"), {}, {});
        const auto patched = api.patchCard(owner, weak,
            {{QStringLiteral("description"),
                QStringLiteral("many words and one wombat somewhere in the middle of them")}});
        QVERIFY2(patched.status == 200, patched.body.constData());
        const QString strong = api.createCard(
            owner, board, column, QStringLiteral("Wombat <b>burrow</b> plan"), {}, {});
        auto search = [&](const QString &q) {
            return test::httpAuth("GET",
                server.url(QStringLiteral("/api/v1/search?q=%1&board_id=%2")
                               .arg(QString::fromLatin1(QUrl::toPercentEncoding(q)), board)),
                owner.accessToken);
        };
        const auto r = search(QStringLiteral("womb"));
        QCOMPARE(r.status, 200);
        const auto hits = r.json().value(QStringLiteral("data")).toArray();
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits.at(0).toObject().value(QStringLiteral("id")).toString(), strong);
        QCOMPARE(hits.at(0).toObject().value(QStringLiteral("snippet")).toString(),
            QStringLiteral("<mark>Wombat</mark> &lt;b&gt;burrow&lt;/b&gt; plan"));
        QCOMPARE(hits.at(1).toObject().value(QStringLiteral("id")).toString(), weak);
        QVERIFY(hits.at(1)
                    .toObject()
                    .value(QStringLiteral("snippet"))
                    .toString()
                    .contains(QLatin1String("<mark>wombat</mark>")));
        // Both words must match: AND, as on FTS5.
        QCOMPARE(search(QStringLiteral("wombat burrow"))
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            1);
        for (const QString &hostile : {QStringLiteral("wombat' | !x & (y"),
                 QStringLiteral("wombat:* <-> ') OR 1=1 --"), QStringLiteral("\\'wombat\\")}) {
            const auto h = search(hostile);
            QVERIFY2(h.status == 200 || h.status == 422, h.body.constData());
            QVERIFY(h.json().value(QStringLiteral("data")).toArray().size() <= 2);
        }
        QCOMPARE(search(QStringLiteral("wombat' | !x"))
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            0);
    }

    //! The PostgreSQL server restarts under a running Corkboard: meanwhile requests get 503 and
    //! /ready says the database check fails; afterwards every thread's connection is opened again
    //! and reads and writes work without restarting Corkboard.
    void serverRestartIsSurvived()
    {
        PrivateCluster pg;
        const QString adminUrl = pg.url();
        QVERIFY(adminUrl.startsWith(QLatin1String("postgres://")));
        test::TestServer server([&adminUrl](Config &c) {
            c.databaseUrl = adminUrl; // the private cluster's own database
            c.startWorker = false;
        });
        const auto owner = test::registerUser(server, QStringLiteral("r@example.test"));
        test::BoardApi api {server};
        const auto [board, column] = api.createBoard(owner, {});
        auto ready = [&server] { return test::http("GET", server.url(QStringLiteral("/ready"))); };
        QCOMPARE(ready().status, 200);

        QVERIFY(pg.stop());
        const auto down = ready();
        QCOMPARE(down.status, 503);
        const QJsonObject database = down.json()
                                         .value(QStringLiteral("checks"))
                                         .toObject()
                                         .value(QStringLiteral("database"))
                                         .toObject();
        QCOMPARE(database.value(QStringLiteral("status")).toString(), QStringLiteral("failing"));
        QCOMPARE(test::httpAuth("GET", server.url(QStringLiteral("/api/v1/boards/") + board),
                     owner.accessToken)
                     .status,
            503);

        QVERIFY(pg.start());
        QCOMPARE(ready().status, 200);
        QVERIFY(servesAgain(server, owner, board));
        QVERIFY(!api.createCard(owner, board, column, QStringLiteral("after"), {}, {}).isEmpty());
    }

    void outboxListenerListensAgainAfterARestart()
    {
        PrivateCluster pg;
        const QString adminUrl = pg.url();
        QVERIFY(adminUrl.startsWith(QLatin1String("postgres://")));
        test::TestServer server([&adminUrl](Config &c) {
            c.databaseUrl = adminUrl;
            c.startWorker = false;
        });
        const auto owner = test::registerUser(server, QStringLiteral("l@example.test"));
        test::BoardApi api {server};
        const auto [board, column] = api.createBoard(owner, {});

        // The pump of another instance on the same database: its own connections.
        Database db(server.config(), QStringLiteral("other-instance"));
        QSet<QString> told;
        OutboxPump pump(db, [&told](const QString &boardId, qint64) { told.insert(boardId); });
        pump.listen(server.config());
        pump.poll();
        QVERIFY(pump.listening());
        QVERIFY(!api.createCard(owner, board, column, QStringLiteral("before"), {}, {}).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(pump.notificationsHeard() > 0, 10000);

        // PostgreSQL restarts: the pump finds its LISTEN connection gone, opens it again and
        // hears the next commit through it (not only through its slow poll).
        QVERIFY(pg.stop());
        QVERIFY(pg.start());
        QVERIFY(servesAgain(server, owner, board));
        QTRY_VERIFY_WITH_TIMEOUT(pump.listening(), 10000);
        const int heard = pump.notificationsHeard();
        told.clear();
        QVERIFY(!api.createCard(owner, board, column, QStringLiteral("after"), {}, {}).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(pump.notificationsHeard() > heard, 10000);
        QVERIFY(told.contains(board));
    }

    void unreachableServerFailsFastAndReadySaysSo()
    {
        QTemporaryDir dir;
        Config config;
        config.dataDir = dir.path();
        // A port nobody listens on (TCP on loopback; the test cluster listens on a socket only).
        config.databaseUrl
            = QStringLiteral("postgres://nobody@127.0.0.1:9/corkboard?connect_timeout=2");
        config.databasePassword = QStringLiteral("not-logged");
        bool unavailable = false;
        try {
            Database db(config, uniqueName("unreachable"));
        } catch (const AppError &e) {
            unavailable = e.code() == ErrorCode::Unavailable;
        }
        QVERIFY(unavailable);
        const auto probe = HealthRepository(config).probe();
        QVERIFY(!probe.databaseOk);
        QCOMPARE(probe.databaseError, QStringLiteral("database server cannot be reached"));
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "test_postgres.moc"
