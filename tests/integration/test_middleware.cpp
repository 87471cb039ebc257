// The middleware chain: request ids, CORS, security headers, rate limiting, body and media-type
// checks, and error mapping. Over a real loopback server where a route exists, and on a Pipeline
// driven without a socket for test-only JSON routes.
#include "server/http/metrics.h"
#include "server/http/pipeline.h"
#include "server/http/rate_limiter.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/log.h"
#include "tests/support/raw_client.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QByteArray kAllowedOrigin = "https://app.example";

void verifySecurityHeaders(const QList<QPair<QByteArray, QByteArray>> &headers, bool api)
{
    auto value = [&headers](const QByteArray &name) {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return QByteArray();
    };
    QCOMPARE(value("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(value("Referrer-Policy"), QByteArray("no-referrer"));
    QCOMPARE(value("X-Frame-Options"), QByteArray("DENY"));
    QVERIFY(value("Content-Security-Policy").contains("frame-ancestors 'none'"));
    if (api)
        QCOMPARE(value("Cache-Control"), QByteArray("no-store"));
}

//! A pipeline with test-only routes, driven without a socket.
struct InProcess
{
    explicit InProcess(std::function<void(Config &)> tweak = {})
        : limiter(clock, 1000, 1000)
    {
        config.maxBodyBytes = 2048;
        if (tweak)
            tweak(config);
        RouteOptions json;
        json.auth = false;
        json.body = BodyKind::Json;
        router.add(
            "POST", QStringLiteral("/api/v1/echo"),
            [](Request &r) {
                return Response::data(201, QJsonDocument(r.json).toJson(QJsonDocument::Compact));
            },
            json);
        RouteOptions optional = json;
        optional.body = BodyKind::OptionalJson;
        router.add(
            "POST", QStringLiteral("/api/v1/optional"),
            [](Request &r) {
                return Response::data(200, QJsonDocument(r.json).toJson(QJsonDocument::Compact));
            },
            optional);
        RouteOptions none;
        none.auth = false;
        router.add(
            "POST", QStringLiteral("/api/v1/ping"), [](Request &) { return Response::noContent(); },
            none);
        router.add(
            "GET", QStringLiteral("/api/v1/boom"),
            [](Request &) -> Response {
                throw std::runtime_error("sqlite path /secret/place is broken");
            },
            none);
        router.add(
            "GET", QStringLiteral("/api/v1/typed"),
            [](Request &) -> Response {
                throw AppError::validation(QStringLiteral("title"), QStringLiteral("required"),
                    QStringLiteral("give a title"));
            },
            none);
        router.add("GET", QStringLiteral("/api/v1/private"),
            [](Request &) { return Response::noContent(); });
        pipeline = std::make_unique<Pipeline>(config, router, limiter, metrics);
    }

    Response call(const QByteArray &method, const QString &path,
        const QByteArray &body = QByteArray(), const QByteArray &contentType = QByteArray())
    {
        Request r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.peer = QHostAddress(QStringLiteral("127.0.0.1"));
        if (!contentType.isEmpty())
            r.headers.append({"Content-Type", contentType});
        if (!body.isEmpty())
            r.headers.append({"Content-Length", QByteArray::number(body.size())});
        return pipeline->handle(r);
    }

    Config config;
    SystemClock clock;
    RateLimiter limiter;
    Metrics metrics;
    Router router;
    std::unique_ptr<Pipeline> pipeline;
};

QJsonObject bodyOf(const Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QString codeOf(const Response &r)
{
    return bodyOf(r).value(QStringLiteral("code")).toString();
}
} // namespace

class TestMiddleware : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            [](Config &c) { c.corsOrigins = {QString::fromLatin1(kAllowedOrigin)}; });
    }
    void cleanupTestCase() { m_server.reset(); }

    // --- request id -------------------------------------------------------------------------

    void validRequestIdIsEchoed()
    {
        const auto r = http("GET", m_server->url(QStringLiteral("/health")), {},
            {{"X-Request-Id", "client-abc.123_X"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Request-Id"), QByteArray("client-abc.123_X"));
    }

    void invalidRequestIdIsReplaced_data()
    {
        QTest::addColumn<QByteArray>("incoming");
        QTest::newRow("forbidden characters") << QByteArray("abc\"<script>");
        QTest::newRow("too long") << QByteArray(65, 'a');
        QTest::newRow("spaces") << QByteArray("two words");
    }

    void invalidRequestIdIsReplaced()
    {
        QFETCH(QByteArray, incoming);
        const auto r
            = http("GET", m_server->url(QStringLiteral("/nope")), {}, {{"X-Request-Id", incoming}});
        QCOMPARE(r.status, 404);
        const QByteArray id = r.header("X-Request-Id");
        QVERIFY(!id.isEmpty());
        QVERIFY(id != incoming);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"))
                    .match(QString::fromLatin1(id))
                    .hasMatch());
        // The problem body names the same id.
        QCOMPARE(r.json().value(QStringLiteral("request_id")).toString(), QString::fromLatin1(id));
    }

    void missingRequestIdIsGenerated()
    {
        const auto a = http("GET", m_server->url(QStringLiteral("/health")));
        const auto b = http("GET", m_server->url(QStringLiteral("/health")));
        QVERIFY(!a.header("X-Request-Id").isEmpty());
        QVERIFY(a.header("X-Request-Id") != b.header("X-Request-Id"));
    }

    // --- CORS --------------------------------------------------------------------------------

    void allowedOriginGetsCorsHeaders()
    {
        const auto r = http("GET", m_server->url(QStringLiteral("/api/v1/server-info")), {},
            {{"Origin", kAllowedOrigin}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), kAllowedOrigin);
        QVERIFY(r.header("Vary").contains("Origin"));
        QVERIFY(r.header("Access-Control-Expose-Headers").contains("X-Request-Id"));
    }

    void refusedOriginIsForbidden()
    {
        const auto r = http("GET", m_server->url(QStringLiteral("/api/v1/server-info")), {},
            {{"Origin", "https://evil.example"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("FORBIDDEN"));
        QVERIFY(r.header("Access-Control-Allow-Origin").isEmpty());
        QVERIFY(!r.body.contains("Corkboard"));
        verifySecurityHeaders(r.headers, true);
    }

    void preflightIsAnswered()
    {
        const auto r = http("OPTIONS", m_server->url(QStringLiteral("/api/v1/server-info")), {},
            {{"Origin", kAllowedOrigin}, {"Access-Control-Request-Method", "PATCH"},
                {"Access-Control-Request-Headers", "content-type, if-match"}});
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), kAllowedOrigin);
        QVERIFY(r.header("Access-Control-Allow-Methods").contains("PATCH"));
        QVERIFY(r.header("Access-Control-Allow-Headers").contains("If-Match"));
        QVERIFY(r.header("Access-Control-Allow-Headers").contains("Content-Type"));
        QVERIFY(!r.header("Access-Control-Max-Age").isEmpty());
        QVERIFY(r.body.isEmpty());
    }

    void preflightFromRefusedOrigin()
    {
        const auto r = http("OPTIONS", m_server->url(QStringLiteral("/api/v1/server-info")), {},
            {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(r.status, 403);
        QVERIFY(r.header("Access-Control-Allow-Origin").isEmpty());
        QVERIFY(r.header("Access-Control-Allow-Methods").isEmpty());
    }

    void noOriginNoCorsHeaders()
    {
        const auto r = http("GET", m_server->url(QStringLiteral("/api/v1/server-info")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Access-Control-Allow-Origin").isEmpty());
    }

    // --- security headers, 404/405, HEAD/OPTIONS ---------------------------------------------

    void securityHeadersOnSuccessAndErrors()
    {
        auto ok = http("GET", m_server->url(QStringLiteral("/api/v1/server-info")));
        QCOMPARE(ok.status, 200);
        verifySecurityHeaders(ok.headers, true);
        auto health = http("GET", m_server->url(QStringLiteral("/health")));
        QCOMPARE(health.status, 200);
        verifySecurityHeaders(health.headers, false);
        auto missing = http("GET", m_server->url(QStringLiteral("/api/v1/nothing-here")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("Content-Type"), QByteArray("application/problem+json"));
        verifySecurityHeaders(missing.headers, true);
        auto wrongMethod = http("DELETE", m_server->url(QStringLiteral("/api/v1/server-info")));
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.code(), QStringLiteral("METHOD_NOT_ALLOWED"));
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));
        verifySecurityHeaders(wrongMethod.headers, true);

        // Answers from the connection guard carry them too.
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(
            "POST /api/v1/server-info HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const RawResponse refused = c.readResponse();
        QCOMPARE(refused.status, 411);
        QCOMPARE(refused.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(refused.header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(refused.header("Referrer-Policy"), QByteArray("no-referrer"));
    }

    void headAndOptionsAreHandled()
    {
        const auto head = http("HEAD", m_server->url(QStringLiteral("/api/v1/server-info")));
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        const auto options = http("OPTIONS", m_server->url(QStringLiteral("/api/v1/server-info")));
        QCOMPARE(options.status, 204);
        QCOMPARE(options.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));
    }

    void bodyOnNoBodyRouteOverTheWire()
    {
        const auto r = http("GET", m_server->url(QStringLiteral("/health")), "{\"a\":1}",
            {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 415);
        QCOMPARE(r.code(), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));
    }

    // --- rate limit --------------------------------------------------------------------------

    void rateLimitAnswers429WithRetryAfter()
    {
        TestServer limited([](Config &c) {
            c.rateLimitPerSecond = 0.05; // one token every 20 s
            c.rateLimitBurst = 3;
        });
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http("GET", limited.url(QStringLiteral("/health"))).status, 200);
        const auto r = http("GET", limited.url(QStringLiteral("/api/v1/server-info")));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.code(), QStringLiteral("RATE_LIMITED"));
        const int retryAfter = r.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 20, r.header("Retry-After").constData());
        verifySecurityHeaders(r.headers, true);
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }

    // --- body and media type (test-only routes, no socket) ------------------------------------

    void jsonRouteAcceptsJson()
    {
        InProcess p;
        const Response r = p.call("POST", QStringLiteral("/api/v1/echo"), "{\"name\":\"x\"}",
            "application/json; charset=utf-8");
        QCOMPARE(r.status, 201);
        QCOMPARE(bodyOf(r)
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("x"));
        verifySecurityHeaders(r.headers, true);
    }

    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray("{\"name\":");
        QTest::newRow("not json") << QByteArray("name=x");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("trailing") << QByteArray("{} {}");
    }

    void malformedJson()
    {
        QFETCH(QByteArray, body);
        InProcess p;
        const Response r = p.call("POST", QStringLiteral("/api/v1/echo"), body, "application/json");
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("MALFORMED_REQUEST"));
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }

    void wrongContentType()
    {
        InProcess p;
        Response r
            = p.call("POST", QStringLiteral("/api/v1/echo"), "{\"name\":\"x\"}", "text/plain");
        QCOMPARE(r.status, 415);
        QCOMPARE(codeOf(r), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));
        r = p.call("POST", QStringLiteral("/api/v1/echo"), "{\"name\":\"x\"}");
        QCOMPARE(r.status, 415);
        r = p.call(
            "POST", QStringLiteral("/api/v1/optional"), "{}", "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 415);
    }

    void bodyOnRouteThatTakesNone()
    {
        InProcess p;
        const Response r = p.call("POST", QStringLiteral("/api/v1/ping"), "{}", "application/json");
        QCOMPARE(r.status, 415);
        QCOMPARE(codeOf(r), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));
        QCOMPARE(p.call("POST", QStringLiteral("/api/v1/ping")).status, 204);
    }

    void optionalJsonMayBeEmpty()
    {
        InProcess p;
        QCOMPARE(p.call("POST", QStringLiteral("/api/v1/optional")).status, 200);
        QCOMPARE(p.call("POST", QStringLiteral("/api/v1/optional"), "{\"a\":1}", "application/json")
                     .status,
            200);
        QCOMPARE(p.call("POST", QStringLiteral("/api/v1/optional"), "{", "application/json").status,
            400);
    }

    void bodyOverTheLimitInThePipeline()
    {
        InProcess p;
        const Response r = p.call("POST", QStringLiteral("/api/v1/echo"),
            "{\"a\":\"" + QByteArray(3000, 'a') + "\"}", "application/json");
        QCOMPARE(r.status, 413);
        QCOMPARE(codeOf(r), QStringLiteral("PAYLOAD_TOO_LARGE"));
    }

    // --- error mapping -----------------------------------------------------------------------

    void unexpectedErrorIs500WithOnlyTheRequestId()
    {
        InProcess p;
        const Response r = p.call("GET", QStringLiteral("/api/v1/boom"));
        QCOMPARE(r.status, 500);
        QCOMPARE(codeOf(r), QStringLiteral("INTERNAL"));
        QVERIFY(!r.body.contains("secret"));
        QVERIFY(!r.body.contains("sqlite"));
        QCOMPARE(bodyOf(r).value(QStringLiteral("request_id")).toString(),
            QString::fromLatin1(r.header("X-Request-Id")));
        verifySecurityHeaders(r.headers, true);
    }

    void typedErrorKeepsFieldErrors()
    {
        InProcess p;
        const Response r = p.call("GET", QStringLiteral("/api/v1/typed"));
        QCOMPARE(r.status, 422);
        QCOMPARE(codeOf(r), QStringLiteral("VALIDATION_FAILED"));
        const auto errors = bodyOf(r).value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(QStringLiteral("field")).toString(),
            QStringLiteral("title"));
    }

    void accessLogLinePerRequest()
    {
        InProcess p;
        QList<QByteArray> lines;
        logging::install(logging::Format::Json, QStringLiteral("info"));
        logging::setSink([&lines](const QByteArray &line) { lines.append(line); });
        Request r;
        r.method = "GET";
        r.path = QStringLiteral("/api/v1/typed");
        r.headers.append({QByteArray("X-Request-Id"), QByteArray("log-me-1")});
        p.pipeline->handle(r);
        logging::install(logging::Format::Json, QStringLiteral("warning"));
        p.call("GET", QStringLiteral("/api/v1/typed")); // not logged at warning level
        logging::setSink({});
        qInstallMessageHandler(nullptr);

        QList<QJsonObject> access;
        for (const auto &line : std::as_const(lines)) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("category")).toString() == QLatin1String("corkboard.access"))
                access.append(o);
        }
        QCOMPARE(access.size(), 1);
        const QJsonObject line = access.first();
        QCOMPARE(line.value(QStringLiteral("request_id")).toString(), QStringLiteral("log-me-1"));
        QCOMPARE(line.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
        const QJsonObject fields = line.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("status")).toInt(), 422);
        QCOMPARE(fields.value(QStringLiteral("route")).toString(), QStringLiteral("/api/v1/typed"));
        QCOMPARE(fields.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QVERIFY(fields.contains(QStringLiteral("duration_ms")));
    }

    void authRouteWithoutAuthenticatorIs401()
    {
        InProcess p;
        const Response r = p.call("GET", QStringLiteral("/api/v1/private"));
        QCOMPARE(r.status, 401);
        QCOMPARE(codeOf(r), QStringLiteral("UNAUTHENTICATED"));
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
    }
};

QTEST_GUILESS_MAIN(TestMiddleware)
#include "test_middleware.moc"
