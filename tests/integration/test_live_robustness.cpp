// Live updates under bad input and bad peers: auth deadline, forged/expired tokens, re-auth,
// malformed messages, oversized frames, floods, slow consumers, silent peers, shutdown.
#include "server/features/common/server_context.h"
#include "tests/support/live_test_support.h"
#include "tests/support/test_server.h"
#include "tests/support/ws_client_frame.h"

#include <QCryptographicHash>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kBoard = QStringLiteral("board-1");
const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");

//! A WebSocket client written by hand on a raw socket, so a test can stop reading or stay silent.
class RawWsClient
{
public:
    bool open(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write(
            "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: "
            "Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray head;
        while (!head.contains("\r\n\r\n")) {
            if (!m_socket.waitForReadyRead(5000))
                return false;
            head += m_socket.read(1); // byte by byte: leave any frame after the head unread
            while (m_socket.bytesAvailable() > 0 && !head.contains("\r\n\r\n"))
                head += m_socket.read(1);
        }
        return head.startsWith("HTTP/1.1 101");
    }
    void sendText(const QByteArray &payload)
    {
        m_socket.write(corkboard::test::maskedClientFrame(payload, 0x12345678));
        m_socket.waitForBytesWritten(5000);
    }
    //! Reads until the server closes; counts text frames and returns the close code (-1: none).
    int readUntilClosed(int *textFrames, int timeoutMs = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        int closeCode = -1;
        while (timer.elapsed() < timeoutMs) {
            m_buffer += m_socket.readAll();
            while (parseFrame(textFrames, &closeCode)) { }
            if (closeCode != -1)
                return closeCode;
            if (m_socket.state() != QAbstractSocket::ConnectedState
                && m_socket.bytesAvailable() == 0)
                break;
            m_socket.waitForReadyRead(200);
        }
        m_buffer += m_socket.readAll();
        while (parseFrame(textFrames, &closeCode)) { }
        return closeCode;
    }
    bool waitForDisconnected(int timeoutMs)
    {
        // Spins the event loop: other clients of the test keep working meanwhile.
        return QTest::qWaitFor(
            [this] {
                m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
    QTcpSocket &socket() { return m_socket; }
    qsizetype buffered() const { return m_buffer.size(); }
    QString head() const { return QString::fromLatin1(m_buffer.left(8).toHex()); }

private:
    bool parseFrame(int *textFrames, int *closeCode)
    {
        if (m_buffer.size() < 2)
            return false;
        const quint8 opcode = quint8(m_buffer.at(0)) & 0x0f;
        quint64 length = quint8(m_buffer.at(1)) & 0x7f;
        qsizetype offset = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return false;
            length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
            offset = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return false;
            length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
            offset = 10;
        }
        if (quint64(m_buffer.size() - offset) < length)
            return false;
        const QByteArray payload = m_buffer.mid(offset, qsizetype(length));
        m_buffer.remove(0, offset + qsizetype(length));
        if (opcode == 0x1)
            ++*textFrames;
        else if (opcode == 0x8 && payload.size() >= 2)
            *closeCode = qFromBigEndian<quint16>(payload.constData());
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};
} // namespace

class TestLiveRobustness : public QObject
{
    Q_OBJECT

private:
    void start(std::function<void(Config &)> tweak = {})
    {
        m_server = std::make_unique<TestServer>(std::move(tweak));
        m_outbox = std::make_shared<MemoryOutbox>();
        installMemoryBackend(*m_server, m_outbox);
        m_outbox->addMember(kBoard, kAlice);
        m_outbox->addMember(kBoard, kBob);
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void aLiveConnectionHoldsItsPlaceUntilItCloses()
    {
        // The connection's place (the per-address cap) is held by a live connection for as long
        // as its socket lives — after the hub took it over from the connection guard — and comes
        // back when it closes.
        start([](Config &c) {
            c.maxConnections = 100;
            c.maxConnectionsPerAddress = 2;
        });
        auto alice = std::make_unique<WsClient>(m_server->port());
        WsClient bob(m_server->port());
        QVERIFY(alice->connectAndWait());
        QVERIFY(bob.connectAndWait());
        QVERIFY(alice->authenticate(m_outbox->issueToken(kAlice)));
        QVERIFY(bob.authenticate(m_outbox->issueToken(kBob)));
        QVERIFY(!alice->subscribe(kBoard).isEmpty());
        {
            WsClient third(m_server->port());
            QVERIFY(!third.connectAndWait(2000)); // refused: both places are taken
        }
        alice.reset();
        std::unique_ptr<WsClient> again;
        QVERIFY(QTest::qWaitFor(
            [&] {
                again = std::make_unique<WsClient>(m_server->port());
                return again->connectAndWait(2000);
            },
            10000));
        QVERIFY(again->authenticate(m_outbox->issueToken(kAlice)));
        // The connection that stayed is still served.
        QCOMPARE(bob.subscribe(kBoard).value(QStringLiteral("type")).toString(),
            QStringLiteral("subscribed"));
    }

    void noAuthInTimeClosesWith4408()
    {
        start([](Config &c) { c.liveAuthTimeoutMs = 300; });
        WsClient client(m_server->port());
        QVERIFY(client.connectAndWait());
        QVERIFY(client.waitForClosed());
        QCOMPARE(client.closeCode(), 4408);
    }

    void forgedExpiredOrMissingTokensClose4401()
    {
        start();
        struct Case
        {
            QJsonObject message;
            QString code;
        };
        const QList<Case> cases {
            {{{QStringLiteral("type"), QStringLiteral("auth")},
                 {QStringLiteral("token"), QStringLiteral("forged.token.here")}},
                QStringLiteral("UNAUTHENTICATED")},
            {{{QStringLiteral("type"), QStringLiteral("auth")},
                 {QStringLiteral("token"), m_outbox->issueToken(kAlice, -1000)}},
                QStringLiteral("TOKEN_EXPIRED")},
            {{{QStringLiteral("type"), QStringLiteral("auth")}}, QStringLiteral("UNAUTHENTICATED")},
            {{{QStringLiteral("type"), QStringLiteral("subscribe")},
                 {QStringLiteral("board_id"), kBoard}},
                QStringLiteral("UNAUTHENTICATED")},
        };
        for (const Case &c : cases) {
            WsClient client(m_server->port());
            QVERIFY(client.connectAndWait());
            client.send(c.message);
            QCOMPARE(client.waitForType(QStringLiteral("error"))
                         .value(QStringLiteral("code"))
                         .toString(),
                c.code);
            QVERIFY(client.waitForClosed());
            QCOMPARE(client.closeCode(), 4401);
        }
        WsClient notJson(m_server->port());
        QVERIFY(notJson.connectAndWait());
        notJson.sendRaw(QStringLiteral("{not json"));
        QVERIFY(notJson.waitForClosed());
        QCOMPARE(notJson.closeCode(), 4401);
    }

    void tokenExpiryWithoutReauthCloses4401AndReauthKeepsTheSocket()
    {
        start();
        WsClient lapsed(m_server->port());
        WsClient renewed(m_server->port());
        QVERIFY(lapsed.connectAndWait());
        QVERIFY(renewed.connectAndWait());
        QVERIFY(lapsed.authenticate(m_outbox->issueToken(kAlice, 500)));
        QVERIFY(renewed.authenticate(m_outbox->issueToken(kBob, 500)));
        renewed.send({{QStringLiteral("type"), QStringLiteral("auth")},
            {QStringLiteral("token"), m_outbox->issueToken(kBob)}});
        QVERIFY(lapsed.waitForClosed());
        QCOMPARE(lapsed.closeCode(), 4401);
        QCOMPARE(
            lapsed.waitForType(QStringLiteral("error")).value(QStringLiteral("code")).toString(),
            QStringLiteral("TOKEN_EXPIRED"));
        // Well past the first token's expiry the renewed socket still works.
        QTest::qWait(300);
        QVERIFY(renewed.isConnected());
        QCOMPARE(renewed.subscribe(kBoard).value(QStringLiteral("type")).toString(),
            QStringLiteral("subscribed"));

        // A token of another user cannot take over the socket.
        renewed.send({{QStringLiteral("type"), QStringLiteral("auth")},
            {QStringLiteral("token"), m_outbox->issueToken(kAlice)}});
        QVERIFY(renewed.waitForClosed());
        QCOMPARE(renewed.closeCode(), 4401);
    }

    void malformedMessagesGetErrorsAndTheSocketStays()
    {
        start();
        WsClient client(m_server->port());
        QVERIFY(client.connectAndWait());
        QVERIFY(client.authenticate(m_outbox->issueToken(kAlice)));
        const QList<QPair<QString, QString>> cases {
            {QStringLiteral("this is not json"), QStringLiteral("MALFORMED_REQUEST")},
            {QStringLiteral("[1,2,3]"), QStringLiteral("MALFORMED_REQUEST")},
            {QStringLiteral(R"({"type":"teleport"})"), QStringLiteral("MALFORMED_REQUEST")},
            {QStringLiteral(R"({"board_id":"board-1"})"), QStringLiteral("VALIDATION_FAILED")},
            {QStringLiteral(R"({"type":"subscribe"})"), QStringLiteral("VALIDATION_FAILED")},
            {QStringLiteral(R"({"type":"subscribe","board_id":42})"),
                QStringLiteral("VALIDATION_FAILED")},
            {QStringLiteral(R"({"type":"subscribe","board_id":"board-1","since":"yesterday"})"),
                QStringLiteral("VALIDATION_FAILED")},
            {QStringLiteral(R"({"type":"subscribe","board_id":"board-1","since":-4})"),
                QStringLiteral("VALIDATION_FAILED")},
            {QStringLiteral(R"({"type":"unsubscribe"})"), QStringLiteral("VALIDATION_FAILED")},
        };
        for (const auto &c : cases) {
            const int from = int(client.messages().size());
            client.sendRaw(c.first);
            const QJsonObject error = client.waitForType(QStringLiteral("error"), 5000, from);
            QVERIFY2(!error.isEmpty(), qPrintable(c.first));
            QCOMPARE(error.value(QStringLiteral("code")).toString(), c.second);
        }
        const int from = int(client.messages().size());
        client.socket().sendBinaryMessage(QByteArrayLiteral("\x00\x01"));
        QCOMPARE(client.waitForType(QStringLiteral("error"), 5000, from)
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("MALFORMED_REQUEST"));
        client.send({{QStringLiteral("type"), QStringLiteral("ping")},
            {QStringLiteral("id"), QStringLiteral("abc")}});
        QCOMPARE(client.waitForType(QStringLiteral("pong"), 5000, from)
                     .value(QStringLiteral("id"))
                     .toString(),
            QStringLiteral("abc"));
        QVERIFY(client.isConnected());
    }

    void oversizedMessageCloses1009()
    {
        start();
        WsClient client(m_server->port());
        QVERIFY(client.connectAndWait());
        QVERIFY(client.authenticate(m_outbox->issueToken(kAlice)));
        client.sendRaw(QString(1024 * 1024, QLatin1Char('x')));
        QVERIFY(client.waitForClosed(10000));
        QCOMPARE(client.closeCode(), 1009);
    }

    void floodIsClosed4429()
    {
        start([](Config &c) {
            c.liveMessageBurst = 20;
            c.liveMessagesPerSecond = 5;
        });
        WsClient flooder(m_server->port());
        WsClient calm(m_server->port());
        QVERIFY(flooder.connectAndWait());
        QVERIFY(calm.connectAndWait());
        QVERIFY(flooder.authenticate(m_outbox->issueToken(kAlice)));
        QVERIFY(calm.authenticate(m_outbox->issueToken(kBob)));
        for (int i = 0; i < 200; ++i)
            flooder.send(
                {{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), i}});
        QVERIFY(flooder.waitForClosed());
        QCOMPARE(flooder.closeCode(), 4429);
        calm.send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 1}});
        QVERIFY(!calm.waitForType(QStringLiteral("pong")).isEmpty());
    }

    void slowConsumerIsClosed4429WhileOthersReceiveEverything()
    {
        start([](Config &c) { c.liveQueueBytes = 1024 * 1024; });
        RawWsClient slow;
        QVERIFY(slow.open(m_server->port()));
        slow.socket().setReadBufferSize(4096);
        slow.sendText(QByteArrayLiteral(R"({"type":"auth","token":")")
            + m_outbox->issueToken(kBob).toLatin1() + "\"}");
        slow.sendText(
            QByteArrayLiteral(R"({"type":"subscribe","board_id":"board-1","since":null})"));

        WsClient normal(m_server->port());
        QVERIFY(normal.connectAndWait());
        QVERIFY(normal.authenticate(m_outbox->issueToken(kAlice)));
        normal.subscribe(kBoard);
        QTest::qWait(200); // the slow client's subscribe is processed

        const QByteArray big = "{\"description\":\"" + QByteArray(8000, 'd') + "\"}";
        QList<qint64> sent;
        // A steady writer: the normal client keeps up, the one that stopped reading falls behind.
        for (int i = 0; i < 1500; ++i) {
            sent.append(
                publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.updated"), kAlice, big));
            if (i % 2 == 1)
                QTest::qWait(1);
        }
        QVERIFY2(
            QTest::qWaitFor([&] { return normal.eventSeqs(kBoard).size() >= sent.size(); }, 60000),
            qPrintable(QStringLiteral("received %1 of %2, close code %3")
                           .arg(normal.eventSeqs(kBoard).size())
                           .arg(sent.size())
                           .arg(normal.closeCode())));
        QCOMPARE(normal.eventSeqs(kBoard), sent);
        QVERIFY(normal.isConnected());

        slow.socket().setReadBufferSize(0);
        int frames = 0;
        const int code = slow.readUntilClosed(&frames);
        QVERIFY2(code == 4429,
            qPrintable(QStringLiteral("code %1 after %2 frames, state %3, buffered %4, head %5")
                           .arg(code)
                           .arg(frames)
                           .arg(int(slow.socket().state()))
                           .arg(slow.buffered())
                           .arg(slow.head())));
        QVERIFY2(frames < sent.size(), qPrintable(QString::number(frames)));
    }

    void silentPeerIsDroppedWhileAnsweringPeerStays()
    {
        start([](Config &c) {
            c.livePingIntervalMs = 100;
            c.liveIdleTimeoutMs = 400;
        });
        WsClient answering(m_server->port());
        QVERIFY(answering.connectAndWait());
        QVERIFY(answering.authenticate(m_outbox->issueToken(kAlice)));
        RawWsClient silent;
        QVERIFY(silent.open(m_server->port()));
        QVERIFY(silent.waitForDisconnected(5000));
        // The QWebSocket client answers pings by itself, so it is never taken for dead.
        QTest::qWait(600);
        QVERIFY(answering.isConnected());
        answering.send(
            {{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 3}});
        QVERIFY(!answering.waitForType(QStringLiteral("pong")).isEmpty());
    }

    void shutdownClosesEverySocketWith1001()
    {
        start();
        WsClient authed(m_server->port());
        WsClient fresh(m_server->port());
        QVERIFY(authed.connectAndWait());
        QVERIFY(fresh.connectAndWait());
        QVERIFY(authed.authenticate(m_outbox->issueToken(kAlice)));
        authed.subscribe(kBoard);
        ServerHost *host = &m_server->host();
        bool stopped = false;
        QObject::connect(
            host, &ServerHost::stopped, &authed, [&stopped] { stopped = true; },
            Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            host, [host] { host->shutdown(); }, Qt::QueuedConnection);
        QVERIFY(authed.waitForClosed());
        QVERIFY(fresh.waitForClosed());
        QCOMPARE(authed.closeCode(), 1001);
        QCOMPARE(fresh.closeCode(), 1001);
        QVERIFY(QTest::qWaitFor([&stopped] { return stopped; }, 10000));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::shared_ptr<MemoryOutbox> m_outbox;
};

QTEST_GUILESS_MAIN(TestLiveRobustness)
#include "test_live_robustness.moc"
