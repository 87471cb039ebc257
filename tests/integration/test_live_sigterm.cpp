// SIGTERM on the real binary closes every live WebSocket with 1001 and exits 0.
#include "tests/support/live_test_support.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard::test;

class TestLiveSigterm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sigtermSends1001ToEverySocket()
    {
        const QString binary = qEnvironmentVariable("CORKBOARD_BINARY");
        QVERIFY2(!binary.isEmpty(), "CORKBOARD_BINARY must point at the corkboard executable");
        QTemporaryDir dir;
        QProcess server;
        server.setProgram(binary);
        server.setArguments({QStringLiteral("--serve"), QStringLiteral("--host"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--data-dir"),
            dir.path(), QStringLiteral("--log-level"), QStringLiteral("warning")});
        server.start();
        QVERIFY(server.waitForStarted());
        QByteArray out;
        quint16 port = 0;
        const QRegularExpression pattern(
            QStringLiteral("serving on http://127\\.0\\.0\\.1:(\\d+)"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += server.readAllStandardOutput();
                const auto m = pattern.match(QString::fromUtf8(out));
                if (m.hasMatch())
                    port = quint16(m.captured(1).toUInt());
                return port != 0;
            },
            15000));

        // Two sockets, so both server threads are likely to hold one; neither has to be signed in.
        WsClient first(port);
        WsClient second(port);
        QVERIFY(first.connectAndWait());
        QVERIFY(second.connectAndWait());
        server.terminate(); // SIGTERM
        QVERIFY(first.waitForClosed(10000));
        QVERIFY(second.waitForClosed(10000));
        QCOMPARE(first.closeCode(), 1001);
        QCOMPARE(second.closeCode(), 1001);
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(15000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLiveSigterm)
#include "test_live_sigterm.moc"
