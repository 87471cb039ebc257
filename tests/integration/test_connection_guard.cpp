// The connection guard on a real loopback server: every rule answers before QtHttpServer
// buffers anything, and well-formed traffic (pipelined, split into tiny writes) still works.
#include "tests/support/memory_budget.h"
#include "tests/support/raw_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_server.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace corkboard;
using namespace corkboard::test;

namespace {
constexpr qint64 kBodyLimit = 4096;

QByteArray get(const QByteArray &path, const QByteArray &extraHeaders = QByteArray())
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n";
}

QString codeOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toString();
}

//! A refused request: the status, a problem body with the code, and the connection closed.
void verifyRefused(RawClient &client, int status, const QString &code)
{
    const RawResponse r = client.readResponse();
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(codeOf(r), code);
    QCOMPARE(r.header("Connection").toLower(), QByteArray("close"));
    QVERIFY(!r.header("X-Request-Id").isEmpty());
    QVERIFY(client.waitForClose());
}
} // namespace

class TestConnectionGuard : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Config &c) {
            c.maxBodyBytes = kBodyLimit;
            c.headerTimeoutMs = 600;
            c.bodyStallTimeoutMs = 600;
            c.idleTimeoutMs = 800;
        });
    }
    void cleanupTestCase() { m_server.reset(); }

    void bodyOverLimitIsRefusedBeforeItIsSent()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        // Only the headers are sent: the 413 must come without waiting for the body.
        c.send(
            "POST /health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(kBodyLimit + 1) + "\r\n\r\n");
        verifyRefused(c, 413, QStringLiteral("PAYLOAD_TOO_LARGE"));
    }

    void bodyAtTheLimitPassesTheGuard()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        // /health takes no body: the pipeline (not the guard) answers 415 after reading it all.
        c.send(
            "GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(kBodyLimit) + "\r\n\r\n" + QByteArray(kBodyLimit, 'a'));
        const RawResponse r = c.readResponse();
        QCOMPARE(r.status, 415);
        // The connection is still usable.
        c.send(get("/health"));
        QCOMPARE(c.readResponse().status, 200);
    }

    void expectContinueIsAnswered()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        // The client sends the headers and waits for the interim answer before the body.
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        const RawResponse interim = c.readResponse();
        QCOMPARE(interim.status, 100);
        c.send("{}");
        QCOMPARE(c.readResponse().status, 415); // /health takes no body: the final answer
        c.send(get("/health"));
        QCOMPARE(c.readResponse().status, 200);
    }

    void expectContinueOverTheLimitGetsOnly413()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("POST /health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Expect: 100-continue\r\nContent-Length: "
            + QByteArray::number(kBodyLimit + 1) + "\r\n\r\n");
        verifyRefused(c, 413, QStringLiteral("PAYLOAD_TOO_LARGE"));
    }

    void headerBlockOver16KiB()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(get("/health", "X-Padding: " + QByteArray(17 * 1024, 'p') + "\r\n"));
        verifyRefused(c, 431, QStringLiteral("HEADERS_TOO_LARGE"));
    }

    void headerBlockOver16KiBWithoutEnd()
    {
        // The blank line never comes: refused as soon as 16 KiB are in, not at the deadline.
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("GET /health HTTP/1.1\r\nX-Padding: " + QByteArray(20 * 1024, 'p'));
        verifyRefused(c, 431, QStringLiteral("HEADERS_TOO_LARGE"));
    }

    void largeButAllowedHeaderBlock()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(get("/health", "X-Padding: " + QByteArray(12 * 1024, 'p') + "\r\n"));
        QCOMPARE(c.readResponse().status, 200);
    }

    void moreThan100Fields()
    {
        QByteArray fields;
        for (int i = 0; i < 100; ++i) // + Host = 101
            fields += "X-F" + QByteArray::number(i) + ": v\r\n";
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(get("/health", fields));
        verifyRefused(c, 431, QStringLiteral("HEADERS_TOO_LARGE"));

        // Exactly 100 fields are fine.
        fields.clear();
        for (int i = 0; i < 99; ++i)
            fields += "X-F" + QByteArray::number(i) + ": v\r\n";
        RawClient ok;
        QVERIFY(ok.connectTo(m_server->port()));
        ok.send(get("/health", fields));
        QCOMPARE(ok.readResponse().status, 200);
    }

    void badContentLength_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::newRow("not a number") << QByteArray("Content-Length: ten\r\n");
        QTest::newRow("negative") << QByteArray("Content-Length: -5\r\n");
        QTest::newRow("empty") << QByteArray("Content-Length: \r\n");
        QTest::newRow("list") << QByteArray("Content-Length: 5, 5\r\n");
        QTest::newRow("duplicate") << QByteArray("Content-Length: 5\r\nContent-Length: 5\r\n");
        QTest::newRow("duplicate, other case")
            << QByteArray("Content-Length: 5\r\ncontent-length: 6\r\n");
        QTest::newRow("huge") << QByteArray("Content-Length: 99999999999999999999999\r\n");
        QTest::newRow("with chunked")
            << QByteArray("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n");
    }

    void badContentLength()
    {
        QFETCH(QByteArray, headers);
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("POST /health HTTP/1.1\r\nHost: x\r\n" + headers + "\r\nhello");
        verifyRefused(c, 400, QStringLiteral("MALFORMED_REQUEST"));
    }

    void chunkedBodyNeedsLength()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
               "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        verifyRefused(c, 411, QStringLiteral("LENGTH_REQUIRED"));
    }

    void malformedRequestLine_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("no version") << QByteArray("GET /health\r\nHost: x\r\n\r\n");
        QTest::newRow("garbage") << QByteArray("HELLO THERE\r\n\r\n");
        QTest::newRow("two spaces") << QByteArray("GET  /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("bad method") << QByteArray("G(T /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("bad version") << QByteArray("GET /health HTTP/9.9\r\nHost: x\r\n\r\n");
        QTest::newRow("relative target") << QByteArray("GET health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("binary") << QByteArray(
            "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15);
        QTest::newRow("bare LF") << QByteArray("GET /health HTTP/1.1\nHost: x\n\n");
        QTest::newRow("folded header")
            << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n");
        QTest::newRow("no colon") << QByteArray("GET /health HTTP/1.1\r\nHost x\r\n\r\n");
    }

    void malformedRequestLine()
    {
        QFETCH(QByteArray, request);
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(request);
        verifyRefused(c, 400, QStringLiteral("MALFORMED_REQUEST"));
    }

    void slowlorisHeadersGet408()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        // One byte every 50 ms: each byte arrives well within any idle gap, but the whole block
        // takes far longer than the 600 ms header deadline.
        const QByteArray request = get("/health", "X-Slow: " + QByteArray(200, 's') + "\r\n");
        const bool sentAll = c.send(request, 1, 50);
        QVERIFY2(!sentAll, "the server answered before the headers were complete");
        verifyRefused(c, 408, QStringLiteral("REQUEST_TIMEOUT"));
    }

    void stalledBodyGets408()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: "
               "application/json\r\nContent-Length: 100\r\n\r\n{\"a\":");
        verifyRefused(c, 408, QStringLiteral("REQUEST_TIMEOUT"));
    }

    void idleKeepAliveIsClosed()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(get("/health"));
        const RawResponse r = c.readResponse();
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Connection").toLower() != "close");
        // Nothing more is sent: the server closes the idle connection.
        QVERIFY(c.waitForClose(10000));
    }

    void aBusyKeepAliveConnectionIsClosedOnlyAfterItsLastRequest()
    {
        // Requests 300 ms apart for twice the 800 ms idle timeout: each one moves the deadline
        // on (the guard's timer fires at the old deadline and must not close then).
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 1600) {
            c.send(get("/health"));
            QCOMPARE(c.readResponse().status, 200);
            QTest::qWait(300);
        }
        c.send(get("/health"));
        QCOMPARE(c.readResponse().status, 200);
        clock.restart();
        QVERIFY(c.waitForClose(10000));
        QVERIFY2(clock.elapsed() >= 500, "closed before the idle timeout after the last request");
    }

    void silentConnectionIsClosed()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        QVERIFY(c.waitForClose(10000));
    }

    void keepAliveServesSeveralRequests()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        for (int i = 0; i < 5; ++i) {
            c.send(get("/health"));
            QCOMPARE(c.readResponse().status, 200);
        }
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(get("/health") + get("/nope") + get("/api/v1/server-info")
            + get("/health", "Connection: close\r\n"));
        QCOMPARE(c.readResponse().status, 200);
        QCOMPARE(c.readResponse().status, 404);
        const RawResponse info = c.readResponse();
        QCOMPARE(info.status, 200);
        QVERIFY(info.body.contains("\"api_version\":\"v1\""));
        QCOMPARE(c.readResponse().status, 200);
        QVERIFY(c.waitForClose());
    }

    void pipelinedRequestsWithBodies()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        const QByteArray withBody
            = "GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              "Content-Length: 2\r\n\r\n{}";
        c.send(withBody + get("/health") + withBody + get("/health"));
        QCOMPARE(c.readResponse().status, 415);
        QCOMPARE(c.readResponse().status, 200);
        QCOMPARE(c.readResponse().status, 415);
        QCOMPARE(c.readResponse().status, 200);
    }

    void requestSplitIntoTinyWrites()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        QVERIFY(c.send(get("/api/v1/server-info", "X-Request-Id: split-1\r\n"), 3, 5));
        const RawResponse r = c.readResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Request-Id"), QByteArray("split-1"));
        // A body split across writes, then another request on the same connection.
        const QByteArray body(300, 'x');
        QVERIFY(c.send("GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: "
                       "application/json\r\nContent-Length: 300\r\n\r\n"
                + body,
            7, 2));
        QCOMPARE(c.readResponse().status, 415);
        QVERIFY(c.send(get("/health"), 1, 1));
        QCOMPARE(c.readResponse().status, 200);
    }

    // A request that arrives whole is parsed by the guard itself; one that arrives in pieces
    // (or behind another) by QtHttpServer. Both must give the same answer: same decoding of the
    // path and query, same header semantics (of a repeated field the first value counts).
    void wholeAndPiecemealRequestsGetTheSameAnswer_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("requestId");
        QTest::newRow("percent-encoded path")
            << get("/he%61lth", "X-Request-Id: same-1\r\n") << 200 << QByteArray("same-1");
        QTest::newRow("query") << get(
            "/api/v1/server-info?probe=%C3%A9&x", "X-Request-Id: same-2\r\n")
                               << 200 << QByteArray("same-2");
        QTest::newRow("unknown path")
            << get("/no/such%20thing", "X-Request-Id: same-3\r\n") << 404 << QByteArray("same-3");
        QTest::newRow("repeated field: the first counts")
            << get("/health", "X-Request-Id: first\r\nx-request-id: last\r\n") << 200
            << QByteArray("first");
        QTest::newRow("body on a route without one")
            << QByteArray("POST /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: same-5\r\n"
                          "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            << 405 << QByteArray("same-5");
    }
    void wholeAndPiecemealRequestsGetTheSameAnswer()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, requestId);
        RawClient whole;
        QVERIFY(whole.connectTo(m_server->port()));
        QVERIFY(whole.send(request));
        const RawResponse a = whole.readResponse();
        RawClient pieces;
        QVERIFY(pieces.connectTo(m_server->port()));
        QVERIFY(pieces.send(request, 4, 2));
        const RawResponse b = pieces.readResponse();
        QCOMPARE(a.status, status);
        QCOMPARE(b.status, status);
        QCOMPARE(a.header("X-Request-Id"), requestId);
        QCOMPARE(b.header("X-Request-Id"), requestId);
        QCOMPARE(a.header("Content-Type"), b.header("Content-Type"));
        QCOMPARE(a.body, b.body);
        // Both connections stay usable for the next request.
        QVERIFY(whole.send(get("/health")));
        QCOMPARE(whole.readResponse().status, 200);
        QVERIFY(pieces.send(get("/health")));
        QCOMPARE(pieces.readResponse().status, 200);
    }

    void strayBlankLinesBetweenRequests()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server->port()));
        c.send(get("/health") + "\r\n" + get("/health"));
        QCOMPARE(c.readResponse().status, 200);
        QCOMPARE(c.readResponse().status, 200);
    }

    void hugeUploadIsRefusedWithLowMemory()
    {
        QProcessEnvironment env;
        prepareForMemoryTest(env);
        ServerProcess server({QStringLiteral("--threads"), QStringLiteral("2")}, env);
        QVERIFY2(server.start(), qPrintable(server.error()));
        // Measure the upload, not start-up (the password hasher's dummy hash briefly takes its
        // configured 64 MiB).
        const qint64 startupPeak = server.peakRssKiB();
        QVERIFY(server.resetPeakRss());
        const qint64 idle = server.rssKiB();
        const qint64 total = 300ll * 1024 * 1024;
        // A plain socket: keeps streaming after the server's answer like a client that does not
        // wait for an interim response, until everything is sent or the server hangs up.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(server.port());
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        const QByteArray head = "POST /health HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                "application/json\r\nContent-Length: "
            + QByteArray::number(total) + "\r\n\r\n";
        QCOMPARE(
            ::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL), ssize_t(head.size()));
        const QByteArray chunk(256 * 1024, 'z');
        QByteArray answer;
        char buffer[4096];
        qint64 sent = 0;
        while (sent < total) {
            const ssize_t n = ::send(fd, chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL);
            if (n <= 0)
                break; // the server hung up
            sent += n;
            ssize_t got = 0;
            while ((got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
                answer.append(buffer, got);
        }
        ::shutdown(fd, SHUT_WR);
        for (int i = 0; i < 50 && !answer.contains("\r\n\r\n"); ++i) {
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got <= 0)
                break;
            answer.append(buffer, got);
        }
        ::close(fd);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
        QVERIFY(answer.contains("PAYLOAD_TOO_LARGE"));
        const qint64 peak = server.peakRssKiB();
        qInfo("sent %lld MiB of the body before the server hung up; server peak RSS %lld KiB "
              "during the upload (%lld KiB at start-up)",
            sent / (1024 * 1024), peak, startupPeak);
        QVERIFY(peak > 0);
        QVERIFY2(rssAgainstBudgetKiB(peak, idle) < kServerRssBudgetKiB,
            qPrintable(QStringLiteral("peak RSS %1 KiB (idle %2 KiB)").arg(peak).arg(idle)));
        // The server is still healthy.
        RawClient after;
        QVERIFY(after.connectTo(server.port()));
        after.send(get("/health"));
        QCOMPARE(after.readResponse().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestConnectionGuard)
#include "test_connection_guard.moc"
