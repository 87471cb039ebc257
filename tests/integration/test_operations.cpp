// Operations endpoints on a real loopback server with a real SQLite file: /ready follows the
// database and migrations, /metrics counts what happened, /api/openapi.json lists every route.
#include "server/features/common/server_context.h"
#include "server/host/http_worker.h"
#include "server/platform/database.h"
#include "server/platform/migrator.h"
#include "tests/support/raw_client.h"
#include "tests/support/test_server.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
QJsonObject checkOf(const HttpResult &r, const QString &name)
{
    return r.json().value(QStringLiteral("checks")).toObject().value(name).toObject();
}

//! The value of one Prometheus sample line, -1 when absent.
qint64 sample(const QByteArray &text, const QByteArray &series)
{
    const QList<QByteArray> lines = text.split('\n');
    for (const auto &line : lines) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toLongLong();
    }
    return -1;
}
} // namespace

class TestOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void healthAndReady()
    {
        TestServer server;
        const auto health = http("GET", server.url(QStringLiteral("/health")));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const auto ready = http("GET", server.url(QStringLiteral("/ready")));
        QCOMPARE(ready.status, 200);
        QCOMPARE(
            checkOf(ready, QStringLiteral("database")).value(QStringLiteral("status")).toString(),
            QStringLiteral("ok"));
        QCOMPARE(
            checkOf(ready, QStringLiteral("migrations")).value(QStringLiteral("status")).toString(),
            QStringLiteral("ok"));
    }

    void readyFollowsTheDatabaseFile()
    {
        TestServer server;
        const QString db = server.config().sqlitePath();
        const QString away = db + QStringLiteral(".away");
        QCOMPARE(http("GET", server.url(QStringLiteral("/ready"))).status, 200);

        QVERIFY(QFile::rename(db, away));
        auto r = http("GET", server.url(QStringLiteral("/ready")));
        QCOMPARE(r.status, 503);
        QCOMPARE(
            r.json().value(QStringLiteral("status")).toString(), QStringLiteral("unavailable"));
        QCOMPARE(checkOf(r, QStringLiteral("database")).value(QStringLiteral("status")).toString(),
            QStringLiteral("failing"));
        QVERIFY(!checkOf(r, QStringLiteral("database"))
                     .value(QStringLiteral("detail"))
                     .toString()
                     .isEmpty());
        QVERIFY(!r.body.contains(db.toUtf8())); // no file system paths in the answer
        // Liveness is not readiness.
        QCOMPARE(http("GET", server.url(QStringLiteral("/health"))).status, 200);

        // A file that is not a database is unreadable too.
        {
            QFile garbage(db);
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            garbage.write(QByteArray(8192, 'x'));
        }
        r = http("GET", server.url(QStringLiteral("/ready")));
        QCOMPARE(r.status, 503);
        QCOMPARE(checkOf(r, QStringLiteral("database")).value(QStringLiteral("status")).toString(),
            QStringLiteral("failing"));
        QVERIFY(QFile::remove(db));

        QVERIFY(QFile::rename(away, db));
        r = http("GET", server.url(QStringLiteral("/ready")));
        QCOMPARE(r.status, 200);
        QCOMPARE(checkOf(r, QStringLiteral("database")).value(QStringLiteral("status")).toString(),
            QStringLiteral("ok"));
    }

    void readyFailsWhileMigrationsArePending()
    {
        TestServer server;
        {
            Database db(server.config(), QStringLiteral("ops-migrate-down"));
            Migrator(db).down(1);
        }
        auto r = http("GET", server.url(QStringLiteral("/ready")));
        QCOMPARE(r.status, 503);
        QCOMPARE(
            checkOf(r, QStringLiteral("migrations")).value(QStringLiteral("status")).toString(),
            QStringLiteral("failing"));
        QCOMPARE(checkOf(r, QStringLiteral("database")).value(QStringLiteral("status")).toString(),
            QStringLiteral("ok"));
        {
            Database db(server.config(), QStringLiteral("ops-migrate-up"));
            Migrator(db).up();
        }
        QCOMPARE(http("GET", server.url(QStringLiteral("/ready"))).status, 200);
    }

    void metricsCountRequestsLatencyAndConnections()
    {
        TestServer server;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http("GET", server.url(QStringLiteral("/health"))).status, 200);
        QCOMPARE(http("GET", server.url(QStringLiteral("/no/such/thing"))).status, 404);
        QCOMPARE(http("POST", server.url(QStringLiteral("/health"))).status, 405);
        // HEAD is answered by the GET route, and counted as HEAD.
        QCOMPARE(http("HEAD", server.url(QStringLiteral("/health"))).status, 200);

        // Three connections held open (each proven adopted by a request).
        std::vector<std::unique_ptr<RawClient>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(std::make_unique<RawClient>());
            QVERIFY(idle.back()->connectTo(server.port()));
            idle.back()->send("GET /api/v1/server-info HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(idle.back()->readResponse().status, 200);
        }

        auto m = http("GET", server.url(QStringLiteral("/metrics")));
        QCOMPARE(m.status, 200);
        QVERIFY(m.header("Content-Type").startsWith("text/plain"));
        const QByteArray text = m.body;
        QCOMPARE(
            sample(text,
                "corkboard_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"}"),
            3);
        QCOMPARE(
            sample(text,
                "corkboard_http_requests_total{method=\"HEAD\",route=\"/health\",status=\"200\"}"),
            1);
        QCOMPARE(
            sample(text,
                "corkboard_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}"),
            1);
        QCOMPARE(sample(text,
                     "corkboard_http_requests_total{method=\"POST\",route=\"unmatched\",status="
                     "\"405\"}"),
            1);
        QCOMPARE(sample(text,
                     "corkboard_http_requests_total{method=\"GET\",route=\"/api/v1/"
                     "server-info\",status=\"200\"}"),
            3);
        QVERIFY(text.contains("# TYPE corkboard_http_request_duration_seconds histogram"));
        // Buckets are cumulative and +Inf equals the count.
        static const QRegularExpression bucket(QStringLiteral(
            "corkboard_http_request_duration_seconds_bucket\\{le=\"([^\"]+)\"\\} (\\d+)"));
        qint64 previous = 0;
        qint64 inf = -1;
        int buckets = 0;
        for (auto it = bucket.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
            const auto match = it.next();
            const qint64 v = match.captured(2).toLongLong();
            QVERIFY(v >= previous);
            previous = v;
            ++buckets;
            if (match.captured(1) == QLatin1String("+Inf"))
                inf = v;
        }
        QVERIFY(buckets > 5);
        // 3 + HEAD + 404 + 405 + 3 server-info
        QCOMPARE(inf, 9);
        QCOMPARE(sample(text, "corkboard_http_request_duration_seconds_count"), 9);
        QVERIFY(text.contains("corkboard_http_request_duration_seconds_sum "));
        QVERIFY(sample(text, "corkboard_http_open_connections") >= 4);

        // Closing them is seen.
        const qint64 before = sample(text, "corkboard_http_open_connections");
        idle.clear();
        QTRY_VERIFY_WITH_TIMEOUT(sample(http("GET", server.url(QStringLiteral("/metrics"))).body,
                                     "corkboard_http_open_connections")
                <= before - 3,
            10000);
    }

    void serverInfo()
    {
        TestServer server([](Config &c) { c.openRegistration = true; });
        const auto r = http("GET", server.url(QStringLiteral("/api/v1/server-info")));
        QCOMPARE(r.status, 200);
        const QJsonObject data = r.data();
        QCOMPARE(data.value(QStringLiteral("name")).toString(), QStringLiteral("Corkboard"));
        QCOMPARE(
            data.value(QStringLiteral("version")).toString(), QStringLiteral(CORKBOARD_VERSION));
        QCOMPARE(data.value(QStringLiteral("registration")).toString(), QStringLiteral("open"));
        QVERIFY(data.value(QStringLiteral("started_at")).toString().endsWith(QLatin1Char('Z')));
    }

    void openApiDocumentIsServed()
    {
        // Route coverage of the document is checked by test_openapi_routes; here: it is served.
        TestServer server;
        const auto r = http("GET", server.url(QStringLiteral("/api/openapi.json")));
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QVERIFY(doc.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.1")));
        QVERIFY(doc.value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/health")));
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "test_operations.moc"
