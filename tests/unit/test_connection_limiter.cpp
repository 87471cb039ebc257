// Per-address accounting (connection caps and request rate): an IPv6 client is its /64, an
// IPv4-mapped IPv6 address is its IPv4 address. Driven through the real limiter and pipeline.
#include "server/http/connection_limits.h"
#include "server/http/metrics.h"
#include "server/http/pipeline.h"
#include "server/http/rate_limiter.h"
#include "server/http/router.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"

#include <QTest>

using namespace corkboard;

namespace {
//! A pipeline with one open route, GET /ping, behind a rate limiter of `burst` requests that
//! (practically) never refills.
struct PingServer
{
    explicit PingServer(double burst)
        : rates(clock, 0.001, burst)
        , pipeline(config, router, rates, metrics)
    {
        RouteOptions open;
        open.auth = false;
        router.add(
            "GET", QStringLiteral("/ping"), [](Request &) { return Response::noContent(); }, open);
    }

    Config config;
    ManualClock clock;
    Router router;
    RateLimiter rates;
    Metrics metrics;
    Pipeline pipeline;
};
} // namespace

class TestConnectionLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ipv6AddressesInOneSlash64ShareTheCap()
    {
        ConnectionLimiter limiter(100, 2);
        const QHostAddress a(QStringLiteral("2001:db8:1:2::1"));
        const QHostAddress b(QStringLiteral("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        const QHostAddress c(QStringLiteral("2001:db8:1:2::ffff"));
        QCOMPARE(limiter.admit(a), ConnectionLimiter::Verdict::Admitted);
        QCOMPARE(limiter.admit(b), ConnectionLimiter::Verdict::Admitted);
        // A third address of the same /64 is the same client: over its cap of 2.
        QCOMPARE(limiter.admit(c), ConnectionLimiter::Verdict::AddressFull);
        // The neighbouring /64 is somebody else.
        QCOMPARE(limiter.admit(QHostAddress(QStringLiteral("2001:db8:1:3::1"))),
            ConnectionLimiter::Verdict::Admitted);
        QCOMPARE(limiter.openFrom(c), 2);
        limiter.release(b);
        QCOMPARE(limiter.admit(c), ConnectionLimiter::Verdict::Admitted);
        QCOMPARE(limiter.openConnections(), 3);
    }

    void ipv4MappedCountsAsIpv4()
    {
        ConnectionLimiter limiter(100, 1);
        QCOMPARE(limiter.admit(QHostAddress(QStringLiteral("10.1.2.3"))),
            ConnectionLimiter::Verdict::Admitted);
        QCOMPARE(limiter.admit(QHostAddress(QStringLiteral("::ffff:10.1.2.3"))),
            ConnectionLimiter::Verdict::AddressFull);
        // IPv4 is never widened to a prefix.
        QCOMPARE(limiter.admit(QHostAddress(QStringLiteral("10.1.2.4"))),
            ConnectionLimiter::Verdict::Admitted);
        QCOMPARE(ConnectionLimiter::addressKey(QHostAddress(QStringLiteral("::ffff:10.1.2.3"))),
            QStringLiteral("10.1.2.3"));
        QCOMPARE(ConnectionLimiter::addressKey(QHostAddress(QStringLiteral("fe80::1%1"))),
            QStringLiteral("fe80::/64"));
    }

    void requestRateCountsAnIpv6ClientByItsSlash64()
    {
        PingServer server(2); // two requests, then (practically) none
        Pipeline &pipeline = server.pipeline;
        auto get = [&pipeline](const QString &from) {
            Request r;
            r.method = "GET";
            r.path = QStringLiteral("/ping");
            r.peer = QHostAddress(from);
            return pipeline.handle(r).status;
        };
        QCOMPARE(get(QStringLiteral("2001:db8::1")), 204);
        QCOMPARE(get(QStringLiteral("2001:db8::2")), 204);
        // A fresh interface identifier in the same /64 does not buy a fresh bucket.
        QCOMPARE(get(QStringLiteral("2001:db8::3")), 429);
        QCOMPARE(get(QStringLiteral("2001:db8:0:1::1")), 204);
        QCOMPARE(get(QStringLiteral("192.0.2.7")), 204);
        QCOMPARE(get(QStringLiteral("::ffff:192.0.2.7")), 204);
        QCOMPARE(get(QStringLiteral("192.0.2.7")), 429);
    }

    void aConnectionsOwnKeyAndItsAddressShareOneBucket()
    {
        // The guard hands the pipeline a key it hashed once per connection; a request that came
        // another way (through QtHttpServer) is keyed from its address. Both draw on one bucket:
        // mixing the two ways buys a client nothing.
        PingServer server(3);
        Pipeline &pipeline = server.pipeline;
        RateLimiter &rates = server.rates;
        const QHostAddress peer(QStringLiteral("192.0.2.9"));
        const RateKey connectionKey(Pipeline::rateKeyFor(peer));
        auto get = [&](bool withConnectionKey) {
            Request r;
            r.method = "GET";
            r.path = QStringLiteral("/ping");
            r.peer = peer;
            r.transportPeer = peer;
            if (withConnectionKey)
                r.transportKey = connectionKey;
            return pipeline.handle(r).status;
        };
        QCOMPARE(get(true), 204);
        QCOMPARE(get(false), 204);
        QCOMPARE(get(true), 204);
        QCOMPARE(get(false), 429);
        QCOMPARE(get(true), 429);
        // Another address still has its own.
        QVERIFY(
            rates.take(Pipeline::rateKeyFor(QHostAddress(QStringLiteral("192.0.2.10")))).allowed);
    }

    void takeAllTakesFromEveryBucketOrFromNone()
    {
        // Sign-in throttling checks an address and an account together: enough keys here to
        // land in different shards of the limiter, one of them already spent.
        ManualClock clock;
        RateLimiter rates(clock, 0.001, 3);
        QStringList keys;
        for (int i = 0; i < 40; ++i)
            keys << QStringLiteral("key-%1").arg(i);
        for (int i = 0; i < 3; ++i)
            QVERIFY(rates.take(keys.at(17)).allowed);
        const auto refused = rates.takeAll(keys);
        QVERIFY(!refused.allowed);
        QVERIFY(refused.retryAfterSeconds > 0);
        for (const QString &key : std::as_const(keys)) {
            if (key != keys.at(17))
                QVERIFY2(
                    rates.peek(key, 3).allowed, qPrintable(key + QStringLiteral(" lost a token")));
        }
        rates.reset(keys.at(17));
        QVERIFY(rates.takeAll(keys).allowed);
        for (const QString &key : std::as_const(keys)) {
            QVERIFY2(rates.peek(key, 2).allowed, qPrintable(key));
            QVERIFY2(
                !rates.peek(key, 3).allowed, qPrintable(key + QStringLiteral(" was not charged")));
        }
    }
};

QTEST_GUILESS_MAIN(TestConnectionLimiter)
#include "test_connection_limiter.moc"
