// CORKBOARD_TRUSTED_PROXIES on the real server: X-Forwarded-For and X-Forwarded-Proto count only
// when the connection comes from a configured proxy; then the per-client rate limit sees the
// real client and the per-address connection cap does not throttle the proxy itself. From any
// other peer the headers are ignored (a client cannot pick its own address).
#include "tests/support/raw_client.h"
#include "tests/support/test_server.h"

#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {

HttpResult getFrom(const TestServer &server, const QByteArray &forwardedFor,
    const QByteArray &proto = QByteArray())
{
    QList<QPair<QByteArray, QByteArray>> headers {{"X-Forwarded-For", forwardedFor}};
    if (!proto.isEmpty())
        headers.append({"X-Forwarded-Proto", proto});
    return http("GET", server.url(QStringLiteral("/health")), QByteArray(), headers);
}

void tightRate(Config &c)
{
    c.rateLimitPerSecond = 0.001; // three requests, then none for a long while
    c.rateLimitBurst = 3;
}

} // namespace

class TestTrustedProxies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forwardedForCountsFromATrustedProxy()
    {
        TestServer server([](Config &c) {
            tightRate(c);
            c.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.0/8"))};
        });
        for (int i = 0; i < 3; ++i)
            QCOMPARE(getFrom(server, "203.0.113.5").status, 200);
        // That client has used its burst …
        const HttpResult limited = getFrom(server, "203.0.113.5");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.code(), QStringLiteral("RATE_LIMITED"));
        // … another one behind the same proxy has not.
        QCOMPARE(getFrom(server, "203.0.113.6").status, 200);
        // The client is the right-most address that is not a trusted proxy: what the client
        // wrote itself on the left cannot pick a fresh bucket.
        QCOMPARE(getFrom(server, "198.51.100.1, 203.0.113.5").status, 429);
        QCOMPARE(getFrom(server, "203.0.113.5, 127.0.0.9").status, 429);
    }

    void forwardedHeadersAreIgnoredFromAnyoneElse()
    {
        TestServer server(tightRate); // no trusted proxies
        QCOMPARE(getFrom(server, "203.0.113.5").status, 200);
        QCOMPARE(getFrom(server, "203.0.113.6").status, 200);
        QCOMPARE(getFrom(server, "203.0.113.7").status, 200);
        // Each request claimed another address; all were counted as 127.0.0.1.
        QCOMPARE(getFrom(server, "203.0.113.8").status, 429);
    }

    void forwardedProtoFromATrustedProxyMeansHttps()
    {
        TestServer trusted([](Config &c) {
            c.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.1/32"))};
        });
        QCOMPARE(getFrom(trusted, "203.0.113.5", "https").header("Strict-Transport-Security"),
            QByteArray("max-age=31536000"));
        QVERIFY(
            getFrom(trusted, "203.0.113.5", "http").header("Strict-Transport-Security").isEmpty());
        TestServer untrusted;
        QVERIFY(getFrom(untrusted, "203.0.113.5", "https")
                    .header("Strict-Transport-Security")
                    .isEmpty());
    }

    void aTrustedProxyIsNotHeldToThePerAddressCap()
    {
        TestServer capped([](Config &c) { c.maxConnectionsPerAddress = 1; });
        RawClient one;
        RawClient two;
        QVERIFY(one.connectTo(capped.port()));
        QVERIFY(two.connectTo(capped.port()));
        QCOMPARE(two.readResponse().status, 429); // an ordinary address: one connection

        TestServer proxied([](Config &c) {
            c.maxConnectionsPerAddress = 1;
            c.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.1/32"))};
        });
        RawClient a;
        RawClient b;
        QVERIFY(a.connectTo(proxied.port()));
        QVERIFY(b.connectTo(proxied.port()));
        QVERIFY(b.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\n\r\n"));
        QCOMPARE(b.readResponse().status, 200);
        QVERIFY(a.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
        QCOMPARE(a.readResponse().status, 200);
    }
};

QTEST_MAIN(TestTrustedProxies)
#include "test_trusted_proxies.moc"
