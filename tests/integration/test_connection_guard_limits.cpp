// Connection limits on a real loopback server: the server-wide and per-address caps (503/429 with
// Retry-After, then close; counted once in the acceptor whatever thread serves a connection),
// request bodies that trickle (minimum rate, total deadline), and 2,000 slow uploaders against a
// real `corkboard --serve` that must keep answering /health in little memory.
#include "tests/support/memory_budget.h"
#include "tests/support/raw_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_server.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace corkboard;
using namespace corkboard::test;

namespace {
QByteArray get(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}

QString codeOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toString();
}

//! A connection the server kept: it answers /health and stays open (keep-alive).
std::unique_ptr<RawClient> admitted(quint16 port)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(port))
        return nullptr;
    c->send(get("/health"));
    if (c->readResponse().status != 200)
        return nullptr;
    return c;
}

//! A connection refused at accept: the answer comes without a request, then the close.
void verifyRefusedAtAccept(quint16 port, int status, const QString &code)
{
    RawClient c;
    QVERIFY(c.connectTo(port));
    const RawResponse r = c.readResponse();
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(codeOf(r), code);
    QVERIFY(r.header("Retry-After").toInt() > 0);
    QCOMPARE(r.header("Connection").toLower(), QByteArray("close"));
    QVERIFY(c.waitForClose());
}

int connectNonBlocking(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        && errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}
} // namespace

class TestConnectionGuardLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void perAddressCap()
    {
        TestServer server([](Config &c) {
            c.threads = 2;
            c.maxConnections = 100;
            c.maxConnectionsPerAddress = 3;
        });
        std::vector<std::unique_ptr<RawClient>> open;
        for (int i = 0; i < 3; ++i) {
            open.push_back(admitted(server.port()));
            QVERIFY(open.back());
        }
        // Three connections spread over two server threads: the fourth is one too many.
        verifyRefusedAtAccept(server.port(), 429, QStringLiteral("RATE_LIMITED"));
        // The kept ones still work.
        open.front()->send(get("/health"));
        QCOMPARE(open.front()->readResponse().status, 200);
        // A place comes back when a connection closes.
        open.front().reset();
        QVERIFY(QTest::qWaitFor([&] { return admitted(server.port()) != nullptr; }, 5000));
    }

    void serverWideCap()
    {
        TestServer server([](Config &c) {
            c.threads = 2;
            c.maxConnections = 4;
            c.maxConnectionsPerAddress = 100;
        });
        std::vector<std::unique_ptr<RawClient>> open;
        for (int i = 0; i < 4; ++i) {
            open.push_back(admitted(server.port()));
            QVERIFY(open.back());
        }
        verifyRefusedAtAccept(server.port(), 503, QStringLiteral("UNAVAILABLE"));
        // A request already on its way gets the same answer, not a 200.
        RawClient late;
        QVERIFY(late.connectTo(server.port()));
        late.send(get("/health"));
        QCOMPARE(late.readResponse().status, 503);
        open.clear();
        QVERIFY(QTest::qWaitFor([&] { return admitted(server.port()) != nullptr; }, 5000));
    }

    void tricklingBodyIsCutByTheRateRule()
    {
        // One byte every 300 ms: each well inside the 600 ms stall timeout, which used to restart
        // on every byte for as long as the trickle went on.
        TestServer server([](Config &c) {
            c.bodyStallTimeoutMs = 600;
            c.bodyMinBytesPerSecond = 50;
        });
        RawClient c;
        QVERIFY(c.connectTo(server.port()));
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 1000\r\n\r\n");
        const bool sentAll = c.send(QByteArray(40, ' '), 1, 300);
        QVERIFY2(!sentAll, "the server let the trickle go on");
        const RawResponse r = c.readResponse();
        QCOMPARE(r.status, 408);
        QCOMPARE(codeOf(r), QStringLiteral("REQUEST_TIMEOUT"));
        QVERIFY(QJsonDocument::fromJson(r.body)
                    .object()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("too slowly")));
        QVERIFY(c.waitForClose());
    }

    void bodyHasATotalDeadline()
    {
        // No minimum rate, but a body may not take longer than the deadline in all.
        TestServer server([](Config &c) {
            c.bodyStallTimeoutMs = 600;
            c.bodyMinBytesPerSecond = 0;
            c.bodyDeadlineMs = 1000;
        });
        RawClient c;
        QVERIFY(c.connectTo(server.port()));
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 1000\r\n\r\n");
        QVERIFY(!c.send(QByteArray(40, ' '), 2, 200));
        const RawResponse r = c.readResponse();
        QCOMPARE(r.status, 408);
        QVERIFY(QJsonDocument::fromJson(r.body)
                    .object()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("too long")));
    }

    void twoThousandSlowUploaders()
    {
        constexpr int kUploaders = 2000;
        // This process and the server need a descriptor per connection.
        rlimit limit {};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
        if (limit.rlim_cur < 3 * kUploaders) {
            limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 8192);
            QCOMPARE(::setrlimit(RLIMIT_NOFILE, &limit), 0);
        }
        QVERIFY2(limit.rlim_cur >= rlim_t(kUploaders + 200), "the hard open-file limit is too low");

        QProcessEnvironment env;
        env.insert(QStringLiteral("CORKBOARD_MAX_CONNECTIONS"), QStringLiteral("4000"));
        env.insert(QStringLiteral("CORKBOARD_MAX_CONNECTIONS_PER_ADDRESS"), QStringLiteral("4000"));
        // Every uploader sends a byte a second: under 200 bytes/s, cut once 3 s have passed.
        env.insert(QStringLiteral("CORKBOARD_BODY_TIMEOUT_MS"), QStringLiteral("3000"));
        env.insert(QStringLiteral("CORKBOARD_BODY_MIN_RATE"), QStringLiteral("200"));
        env.insert(QStringLiteral("CORKBOARD_LOG_LEVEL"), QStringLiteral("error"));
        prepareForMemoryTest(env);
        ServerProcess server({QStringLiteral("--threads"), QStringLiteral("2")}, env);
        QVERIFY2(server.start(), qPrintable(server.error()));
        QVERIFY(server.resetPeakRss());
        const qint64 idle = server.rssKiB();

        const QByteArray head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                "application/json\r\nContent-Length: 60000\r\n\r\n{";
        std::vector<int> fds;
        fds.reserve(kUploaders);
        // In batches, so the listen queue keeps up.
        while (int(fds.size()) < kUploaders) {
            for (int i = 0; i < 100; ++i) {
                const int fd = connectNonBlocking(server.port());
                QVERIFY(fd >= 0);
                fds.push_back(fd);
            }
            QTest::qWait(20);
        }
        QElapsedTimer clock;
        clock.start();
        std::vector<bool> headSent(fds.size(), false);
        std::vector<QByteArray> answers(fds.size());
        int healthChecks = 0;
        // Ten seconds of a byte a second each, checking /health on a fresh connection meanwhile.
        for (int second = 0; second < 10; ++second) {
            for (size_t i = 0; i < fds.size(); ++i) {
                if (fds[i] < 0)
                    continue;
                const QByteArray bytes = headSent[i] ? QByteArray(" ") : head;
                const ssize_t n
                    = ::send(fds[i], bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
                if (n == ssize_t(bytes.size()))
                    headSent[i] = true;
                char buffer[2048];
                ssize_t got = 0;
                while ((got = ::recv(fds[i], buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
                    answers[i].append(buffer, got);
                if (got == 0 || (n < 0 && errno != EAGAIN && errno != ENOTCONN)) {
                    ::close(fds[i]); // the server answered and hung up
                    fds[i] = -1;
                }
            }
            RawClient health;
            QVERIFY(health.connectTo(server.port()));
            health.send(get("/health"));
            QCOMPARE(health.readResponse().status, 200);
            ++healthChecks;
            QTest::qWait(int(std::max<qint64>(0, (second + 1) * 1000 - clock.elapsed())));
        }
        int cut = 0;
        for (size_t i = 0; i < fds.size(); ++i) {
            if (fds[i] >= 0) {
                char buffer[2048];
                ssize_t got = 0;
                while ((got = ::recv(fds[i], buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
                    answers[i].append(buffer, got);
                ::close(fds[i]);
            }
            cut += answers[i].startsWith("HTTP/1.1 408 ") ? 1 : 0;
        }
        const qint64 peak = server.peakRssKiB();
        qInfo("%d slow uploaders: %d answered 408; /health answered %d times meanwhile; server "
              "peak RSS %lld KiB",
            kUploaders, cut, healthChecks, peak);
        QCOMPARE(cut, kUploaders);
        QVERIFY(peak > 0);
        QVERIFY2(rssAgainstBudgetKiB(peak, idle) < kServerRssBudgetKiB,
            qPrintable(QStringLiteral("peak RSS %1 KiB (idle %2 KiB)").arg(peak).arg(idle)));
    }
};

QTEST_GUILESS_MAIN(TestConnectionGuardLimits)
#include "test_connection_guard_limits.moc"
