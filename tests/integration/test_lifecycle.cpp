// The real `corkboard --serve` process and SIGTERM: idle servers exit 0 promptly, in-flight
// requests complete first, new connections are refused, and the drain is bounded.
#include "tests/support/raw_client.h"
#include "tests/support/server_process.h"

#include <QTcpSocket>
#include <QTest>

#include <csignal>

using namespace corkboard::test;

namespace {
QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> values)
{
    QProcessEnvironment e;
    for (const auto &v : values)
        e.insert(QString::fromLatin1(v.first), QString::fromLatin1(v.second));
    return e;
}

//! Signals the server and waits until its log shows the shutdown began.
void terminateAndConfirm(ServerProcess &server)
{
    server.terminate();
    QVERIFY2(server.waitForStderr("shutting down", 10000), server.stderrText().constData());
}

//! One complete request first: proves a server thread owns the connection before the test goes on.
void adopt(RawClient &client)
{
    client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(client.readResponse().status, 200);
}

void verifyCleanExit(ServerProcess &server, int timeoutMs)
{
    QVERIFY2(server.waitForExit(timeoutMs), "the server did not exit");
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QVERIFY(server.stderrText().contains("server stopped"));
}

void verifyRefusesNewConnections(quint16 port)
{
    QTcpSocket probe;
    probe.connectToHost(QStringLiteral("127.0.0.1"), port);
    const bool connected = probe.waitForConnected(2000);
    if (connected) {
        // Not accepted by the server: nothing ever answers.
        probe.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        probe.waitForBytesWritten(1000);
        QVERIFY(!probe.waitForReadyRead(1000) || probe.readAll().isEmpty());
    }
}
} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigtermOnIdleServerExitsZero()
    {
        // A long shutdown grace: exiting well before it proves nothing waited for it.
        ServerProcess server({}, env({{"CORKBOARD_SHUTDOWN_TIMEOUT_MS", "60000"}}));
        QVERIFY2(server.start(), qPrintable(server.error()));
        server.terminate();
        verifyCleanExit(server, 20000);
    }

    void sigtermClosesIdleKeepAliveConnections()
    {
        ServerProcess server({}, env({{"CORKBOARD_SHUTDOWN_TIMEOUT_MS", "60000"}}));
        QVERIFY2(server.start(), qPrintable(server.error()));
        RawClient idle;
        QVERIFY(idle.connectTo(server.port()));
        idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(idle.readResponse().status, 200);
        server.terminate();
        QVERIFY(idle.waitForClose(20000));
        verifyCleanExit(server, 20000);
    }

    void sigtermLetsSlowHeadersComplete()
    {
        ServerProcess server({}, env({{"CORKBOARD_SHUTDOWN_TIMEOUT_MS", "30000"}}));
        QVERIFY2(server.start(), qPrintable(server.error()));
        RawClient client;
        QVERIFY(client.connectTo(server.port()));
        adopt(client);
        // The first half of the request, then a pause the server is told to stop in.
        client.send("GET /api/v1/server-info HTTP/1.1\r\nHost: x\r\nX-Request-Id: in-flight-1\r\n");
        terminateAndConfirm(server);
        verifyRefusesNewConnections(server.port());
        QVERIFY(client.socket().state() == QAbstractSocket::ConnectedState);

        client.send("Accept: application/json\r\n\r\n");
        const RawResponse r = client.readResponse(10000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Request-Id"), QByteArray("in-flight-1"));
        QVERIFY(r.body.contains("\"api_version\":\"v1\""));
        QCOMPARE(r.body.size(), r.header("Content-Length").toLongLong());
        QVERIFY(client.waitForClose(10000));
        verifyCleanExit(server, 20000);
    }

    void sigtermLetsABodyInTwoHalvesComplete()
    {
        ServerProcess server({}, env({{"CORKBOARD_SHUTDOWN_TIMEOUT_MS", "30000"}}));
        QVERIFY2(server.start(), qPrintable(server.error()));
        RawClient client;
        QVERIFY(client.connectTo(server.port()));
        const QByteArray body = "{\"note\":\"" + QByteArray(400, 'n') + "\"}";
        const QByteArray request = "GET /health HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                   "application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const qsizetype half = request.size() - body.size() / 2;
        adopt(client);
        client.send(request.left(half));
        terminateAndConfirm(server);
        client.send(request.mid(half));
        const RawResponse r = client.readResponse(10000);
        // /health takes no body: the complete request got its complete (typed) answer.
        QCOMPARE(r.status, 415);
        QVERIFY(r.body.contains("UNSUPPORTED_MEDIA_TYPE"));
        QVERIFY(client.waitForClose(10000));
        verifyCleanExit(server, 20000);
    }

    void drainIsBounded()
    {
        ServerProcess server({},
            env({{"CORKBOARD_SHUTDOWN_TIMEOUT_MS", "500"},
                {"CORKBOARD_HEADER_TIMEOUT_MS", "600000"}}));
        QVERIFY2(server.start(), qPrintable(server.error()));
        RawClient client;
        QVERIFY(client.connectTo(server.port()));
        adopt(client);
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n");
        terminateAndConfirm(server);
        // The request never completes; the server gives up on it after the grace period.
        QVERIFY(client.waitForClose(20000));
        verifyCleanExit(server, 20000);
        QVERIFY(server.stderrText().contains("shutdown deadline passed"));
    }

    void sigintAlsoStopsCleanly()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        ::kill(pid_t(server.pid()), SIGINT);
        verifyCleanExit(server, 20000);
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "test_lifecycle.moc"
