// ApiClient against a scripted loopback HTTP server: retries, backoff, never-retried 4xx,
// token refresh (single flight), session end, connectivity, timeouts.
#include "shared/client/api_client.h"
#include "tests/support/client_test_util.h"
#include "tests/support/stub_http_server.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

namespace {

constexpr int kWait = 15000;

QByteArray tokensBody(const QByteArray &access, const QByteArray &refresh)
{
    return "{\"data\":{\"tokens\":{\"access_token\":\"" + access
        + "\",\"token_type\":\"Bearer\",\"expires_in\":900," + "\"refresh_token\":\"" + refresh
        + "\"}}}";
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retriesTwo503sThenSucceedsOnce()
    {
        int n = 0;
        StubHttpServer server([&n](const StubRequest &) {
            return ++n <= 2 ? StubResponse::problem(503, "UNAVAILABLE")
                            : StubResponse::json(201, R"({"data":{"id":"b1"}})");
        });
        ApiClient client(QUrl(server.url()), std::make_shared<MemoryTokenStore>(), fastOptions());
        ApiRequest request = ApiRequest::create(
            QStringLiteral("/api/v1/boards"), {{QStringLiteral("name"), QStringLiteral("x")}});
        request.authenticated = false;
        const auto result = waitFor(client.send(request));
        QVERIFY(result.isOk());
        QCOMPARE(result.value().status, 201);
        QCOMPARE(result.value().data().toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("b1"));
        QCOMPARE(server.requests().size(), 3);
        // One logical call: the same Idempotency-Key on every attempt, so the server creates once.
        const QByteArray key = server.requests().at(0).header("idempotency-key");
        QVERIFY(!key.isEmpty());
        QCOMPARE(server.requests().at(1).header("idempotency-key"), key);
        QCOMPARE(server.requests().at(2).header("idempotency-key"), key);
        QCOMPARE(client.connectivity(), ApiClient::Connectivity::Online);
    }

    void gives5xxUpAfterThreeRetriesWithoutRawText()
    {
        StubHttpServer server(
            [](const StubRequest &) { return StubResponse::problem(500, "INTERNAL"); });
        ApiClient client(QUrl(server.url()), std::make_shared<MemoryTokenStore>(), fastOptions());
        ApiRequest request = ApiRequest::get(QStringLiteral("/api/v1/server-info"));
        request.authenticated = false;
        const auto result = waitFor(client.send(request));
        QVERIFY(!result.isOk());
        QCOMPARE(server.requests().size(), 4); // the call + at most 3 retries
        QCOMPARE(result.error().status, 500);
        QVERIFY(result.error().is(ErrorCode::Internal));
        QCOMPARE(result.error().requestId, QStringLiteral("stub-req"));
    }

    void validationErrorIsReturnedAtOnceWithFieldErrors()
    {
        StubHttpServer server([](const StubRequest &) {
            return StubResponse::problem(422, "VALIDATION_FAILED",
                R"(,"errors":[{"field":"title","code":"too_long","message":"at most 200"},{"field":"column_id","code":"required","message":"m"}])");
        });
        ApiClient client(QUrl(server.url()), std::make_shared<MemoryTokenStore>(), fastOptions());
        ApiRequest request = ApiRequest::create(QStringLiteral("/api/v1/boards/b/cards"), {});
        request.authenticated = false;
        const auto result = waitFor(client.send(request));
        QVERIFY(!result.isOk());
        QCOMPARE(server.requests().size(), 1); // a 4xx is never retried
        QCOMPARE(result.error().status, 422);
        QVERIFY(result.error().is(ErrorCode::ValidationFailed));
        QCOMPARE(result.error().errorsFor(QStringLiteral("title")).size(), 1);
        QCOMPARE(result.error().errorsFor(QStringLiteral("title")).first().code,
            QStringLiteral("too_long"));
        QCOMPARE(result.error().errorsFor(QStringLiteral("column_id")).size(), 1);
        QVERIFY(result.error().errorsFor(QStringLiteral("description")).isEmpty());
    }

    void postWithoutIdempotencyKeyIsNotRetried()
    {
        StubHttpServer server(
            [](const StubRequest &) { return StubResponse::problem(503, "UNAVAILABLE"); });
        ApiClient client(QUrl(server.url()), std::make_shared<MemoryTokenStore>(), fastOptions());
        ApiRequest request = ApiRequest::json("POST", QStringLiteral("/api/v1/cards/c/move"), {});
        request.authenticated = false;
        const auto result = waitFor(client.send(request));
        QVERIFY(!result.isOk());
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().first().header("idempotency-key").isEmpty());
    }

    void networkFailureRetriesThenGoesOfflineAndBackOnline()
    {
        StubHttpServer server(
            [](const StubRequest &) { return StubResponse::json(200, R"({"data":{}})"); });
        const quint16 port = server.serverPort();
        const QString url = server.url();
        server.close(); // nothing listens: connection refused
        QList<int> backoffAttempts;
        ApiClient::Options options = fastOptions();
        options.backoff = [&backoffAttempts](int attempt) {
            backoffAttempts.append(attempt);
            return 5;
        };
        ApiClient client {QUrl(url), std::make_shared<MemoryTokenStore>(), options};
        QSignalSpy states(&client, &ApiClient::connectivityChanged);
        ApiRequest request = ApiRequest::get(QStringLiteral("/health"));
        request.authenticated = false;
        auto result = waitFor(client.send(request));
        QVERIFY(!result.isOk());
        QCOMPARE(result.error().kind, ApiError::Kind::Network);
        QCOMPARE(result.error().status, 0);
        QCOMPARE(backoffAttempts, (QList<int> {1, 2, 3})); // exactly three retries, backing off
        QCOMPARE(client.connectivity(), ApiClient::Connectivity::Offline);
        QCOMPARE(states.first().first().value<ApiClient::Connectivity>(),
            ApiClient::Connectivity::Reconnecting);

        QVERIFY(server.listen(QHostAddress::LocalHost, port));
        result = waitFor(client.send(request));
        QVERIFY2(result.isOk(), qPrintable(result.isOk() ? QString() : result.error().detail));
        QCOMPARE(client.connectivity(), ApiClient::Connectivity::Online);
    }

    void hangingServerTimesOut()
    {
        StubHttpServer server([](const StubRequest &) {
            StubResponse r;
            r.hang = true;
            return r;
        });
        ApiClient::Options options = fastOptions();
        options.timeoutMs = 100;
        options.maxRetries = 1;
        ApiClient client(QUrl(server.url()), std::make_shared<MemoryTokenStore>(), options);
        ApiRequest request = ApiRequest::get(QStringLiteral("/health"));
        request.authenticated = false;
        const auto result = waitFor(client.send(request));
        QVERIFY(!result.isOk());
        QCOMPARE(result.error().kind, ApiError::Kind::Timeout);
        QCOMPARE(server.requests().size(), 2);
    }

    void closingTheClientFinishesCallsInFlight()
    {
        // A window closed while a request hangs: the caller's continuation hears "closed" and
        // nothing crashes (Qt 6.4 asserts when a then() context is gone before its future ends).
        StubHttpServer server([](const StubRequest &) {
            StubResponse r;
            r.hang = true;
            return r;
        });
        auto *client = new ApiClient(
            QUrl(server.url()), std::make_shared<MemoryTokenStore>(), fastOptions());
        ApiRequest request = ApiRequest::get(QStringLiteral("/api/v1/boards"));
        request.authenticated = false;
        QObject caller;
        std::optional<ApiResult<int>> seen;
        client->call<int>(request, [](const ApiResponse &) -> ApiResult<int> { return 1; })
            .then(&caller, [&seen](const ApiResult<int> &r) { seen = r; });
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, kWait);
        delete client;
        QTRY_VERIFY_WITH_TIMEOUT(seen.has_value(), kWait);
        QVERIFY(!seen->isOk());
        QCOMPARE(seen->error().kind, ApiError::Kind::Network);
    }

    void tenConcurrentCallsOnAnExpiredTokenShareOneRefresh()
    {
        StubHttpServer server([](const StubRequest &r) {
            if (r.path == "/api/v1/auth/refresh") {
                const auto body = QJsonDocument::fromJson(r.body).object();
                if (body.value(QStringLiteral("refresh_token")).toString()
                    != QStringLiteral("refresh-1"))
                    return StubResponse::problem(401, "UNAUTHENTICATED");
                return StubResponse::json(200, tokensBody("access-2", "refresh-2"));
            }
            if (r.header("authorization") == "Bearer access-2")
                return StubResponse::json(200, R"({"data":{"ok":true}})");
            return StubResponse::problem(401, "TOKEN_EXPIRED");
        });
        auto store = std::make_shared<MemoryTokenStore>();
        ApiClient client(QUrl(server.url()), store, fastOptions());
        SessionTokens initial {QStringLiteral("access-1"), 900, QStringLiteral("refresh-1")};
        waitFor(client.adoptSession(QStringLiteral("u1"), initial));
        QSignalSpy refreshes(&client, &ApiClient::refreshStarted);
        QSignalSpy ended(&client, &ApiClient::sessionEnded);

        QList<QFuture<ApiResult<ApiResponse>>> calls;
        for (int i = 0; i < 10; ++i)
            calls.append(client.send(ApiRequest::get(QStringLiteral("/api/v1/boards"))));
        for (auto &f : calls) {
            const auto r = waitFor(f);
            QVERIFY2(r.isOk(), qPrintable(r.isOk() ? QString() : r.error().logText()));
        }
        QCOMPARE(refreshes.size(), 1);
        QCOMPARE(server.count("/api/v1/auth/refresh"), 1);
        QCOMPARE(
            server.count("/api/v1/boards"), 20); // each call: once expired, once after the refresh
        QCOMPARE(ended.size(), 0);
        QCOMPARE(client.accessToken(), QStringLiteral("access-2"));
        // The rotated refresh token replaced the old one in the store.
        const auto stored = waitFor(store->readToken({server.url(), QStringLiteral("u1")}));
        QCOMPARE(stored.value().value_or(QString()), QStringLiteral("refresh-2"));
    }

    void refusedRefreshEndsTheSessionOnce()
    {
        StubHttpServer server([](const StubRequest &r) {
            if (r.path == "/api/v1/auth/refresh")
                return StubResponse::problem(401, "UNAUTHENTICATED");
            return StubResponse::problem(401, "TOKEN_EXPIRED");
        });
        auto store = std::make_shared<MemoryTokenStore>();
        ApiClient client(QUrl(server.url()), store, fastOptions());
        waitFor(client.adoptSession(
            QStringLiteral("u1"), {QStringLiteral("a"), 900, QStringLiteral("r")}));
        QSignalSpy ended(&client, &ApiClient::sessionEnded);
        QList<QFuture<ApiResult<ApiResponse>>> calls;
        for (int i = 0; i < 3; ++i)
            calls.append(client.send(ApiRequest::get(QStringLiteral("/api/v1/boards"))));
        for (auto &f : calls) {
            const auto r = waitFor(f);
            QVERIFY(!r.isOk());
            QCOMPARE(r.error().kind, ApiError::Kind::Session);
        }
        QCOMPARE(ended.size(), 1);
        QCOMPARE(server.count("/api/v1/auth/refresh"), 1);
        QVERIFY(!client.isSignedIn());
        const auto stored = waitFor(store->readToken({server.url(), QStringLiteral("u1")}));
        QVERIFY(stored.isOk());
        QVERIFY(!stored.value().has_value()); // signed out: nothing left in the store
        // Further calls fail at once without touching the network.
        const int before = server.requests().size();
        QVERIFY(!waitFor(client.send(ApiRequest::get(QStringLiteral("/api/v1/boards")))).isOk());
        QCOMPARE(server.requests().size(), before);
    }

    void accessTokenNearExpiryIsRefreshedBeforeTheCall()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        StubHttpServer server([](const StubRequest &r) {
            if (r.path == "/api/v1/auth/refresh")
                return StubResponse::json(200, tokensBody("access-2", "refresh-2"));
            return StubResponse::json(200, R"({"data":{}})");
        });
        ApiClient::Options options = fastOptions();
        options.now = [&now] { return now; };
        ApiClient client(QUrl(server.url()), std::make_shared<MemoryTokenStore>(), options);
        waitFor(client.adoptSession(
            QStringLiteral("u1"), {QStringLiteral("access-1"), 900, QStringLiteral("refresh-1")}));
        QVERIFY(waitFor(client.send(ApiRequest::get(QStringLiteral("/api/v1/boards")))).isOk());
        QCOMPARE(server.count("/api/v1/auth/refresh"), 0);
        now = now.addSecs(16 * 60); // past the 15-minute lifetime
        QVERIFY(waitFor(client.send(ApiRequest::get(QStringLiteral("/api/v1/boards")))).isOk());
        QCOMPARE(server.count("/api/v1/auth/refresh"), 1);
        QCOMPARE(server.requests().last().header("authorization"), QByteArray("Bearer access-2"));
    }
};

QTEST_MAIN(TestApiClient)
#include "test_api_client.moc"
