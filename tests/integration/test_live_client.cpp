// LiveClient over a real WebSocket against a small in-test server on loopback that speaks the
// protocol of API.md "Live updates" (auth first, subscribe/since replay, resync, ping/pong,
// close codes). The real server's live hub is tested against this same client once it lands.
#include "shared/client/live_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace corkboard;
using namespace corkboard::client;

namespace {

constexpr int kWait = 15000;

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

//! The protocol, server side, in miniature.
class FakeLiveServer : public QObject
{
public:
    QWebSocketServer server {QStringLiteral("fake"), QWebSocketServer::NonSecureMode};
    QStringList validTokens {QStringLiteral("token-1")};
    QList<QJsonObject> received; //!< every client message, in order
    QList<QJsonObject> events; //!< the event log, seq ascending
    qint64 oldestRetained = 1; //!< a since below oldestRetained - 1 gets "resync"
    bool answerPings = true;
    bool ignoreSince = false; //!< replay everything (to prove the client drops duplicates)
    int connections = 0;
    quint16 port = 0;

    FakeLiveServer()
    {
        start();
        connect(&server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = server.nextPendingConnection()) {
                ++connections;
                m_sockets.insert(s, {});
                connect(s, &QWebSocket::textMessageReceived, this,
                    [this, s](const QString &t) { onText(s, t); });
                connect(s, &QWebSocket::disconnected, this, [this, s] {
                    m_sockets.remove(s);
                    s->deleteLater();
                });
            }
        });
    }
    ~FakeLiveServer() override
    {
        const auto sockets = m_sockets.keys();
        for (QWebSocket *s : sockets) {
            s->disconnect(this);
            delete s; // nextPendingConnection() hands over ownership
        }
    }
    void start()
    {
        const bool listening = server.listen(QHostAddress::LocalHost, port);
        QVERIFY(listening);
        port = server.serverPort();
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(port)); }
    //! Shuts down like the real server: every socket closed with 1001, then stop listening.
    void stop()
    {
        const auto sockets = m_sockets.keys();
        for (QWebSocket *s : sockets)
            s->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("shutting down"));
        server.close();
    }
    void closeAll(int code)
    {
        const auto sockets = m_sockets.keys();
        for (QWebSocket *s : sockets)
            s->close(QWebSocketProtocol::CloseCode(code), QString());
    }
    qint64 publish(const QString &boardId, const QString &type)
    {
        const qint64 seq
            = events.isEmpty() ? 1 : events.last().value(QStringLiteral("seq")).toInteger() + 1;
        QJsonObject e {{QStringLiteral("seq"), seq}, {QStringLiteral("type"), type},
            {QStringLiteral("board_id"), boardId},
            {QStringLiteral("actor_id"), QStringLiteral("u1")},
            {QStringLiteral("at"), QStringLiteral("2026-11-25T08:00:00.000Z")},
            {QStringLiteral("data"),
                QJsonObject {{QStringLiteral("id"), QStringLiteral("card-%1").arg(seq)}}}};
        events.append(e);
        for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
            if (it->contains(boardId))
                it.key()->sendTextMessage(frame(e));
        }
        return seq;
    }
    void sendTo(const QString &boardOrAll, const QJsonObject &message)
    {
        for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
            if (boardOrAll.isEmpty() || it->contains(boardOrAll))
                it.key()->sendTextMessage(compact(message));
        }
    }
    QList<QJsonObject> receivedOfType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const auto &m : received) {
            if (m.value(QStringLiteral("type")).toString() == type)
                out.append(m);
        }
        return out;
    }

private:
    static QString frame(const QJsonObject &event)
    {
        return compact(
            {{QStringLiteral("type"), QStringLiteral("event")}, {QStringLiteral("event"), event}});
    }
    void onText(QWebSocket *s, const QString &text)
    {
        const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
        received.append(m);
        const QString type = m.value(QStringLiteral("type")).toString();
        QSet<QString> &boards = m_sockets[s];
        const bool authed = boards.contains(QStringLiteral("#authed"));
        if (!authed && type != QLatin1String("auth")) {
            s->close(QWebSocketProtocol::CloseCode(4401), QString());
            return;
        }
        if (type == QLatin1String("auth")) {
            if (!validTokens.contains(m.value(QStringLiteral("token")).toString())) {
                s->sendTextMessage(compact({{QStringLiteral("type"), QStringLiteral("error")},
                    {QStringLiteral("code"), QStringLiteral("TOKEN_EXPIRED")}}));
                s->close(QWebSocketProtocol::CloseCode(4401), QString());
                return;
            }
            if (!authed) {
                boards.insert(QStringLiteral("#authed"));
                s->sendTextMessage(compact({{QStringLiteral("type"), QStringLiteral("ready")},
                    {QStringLiteral("user_id"), QStringLiteral("u1")}}));
            }
        } else if (type == QLatin1String("subscribe")) {
            const QString board = m.value(QStringLiteral("board_id")).toString();
            const QJsonValue since = m.value(QStringLiteral("since"));
            if (since.isDouble() && since.toInteger() < oldestRetained - 1) {
                s->sendTextMessage(compact({{QStringLiteral("type"), QStringLiteral("resync")},
                    {QStringLiteral("board_id"), board}}));
                return;
            }
            boards.insert(board);
            qint64 latest = 0;
            for (const auto &e : std::as_const(events)) {
                const qint64 seq = e.value(QStringLiteral("seq")).toInteger();
                latest = seq;
                if (e.value(QStringLiteral("board_id")).toString() != board || seq < oldestRetained)
                    continue;
                if (since.isDouble() && (ignoreSince || seq > since.toInteger()))
                    s->sendTextMessage(frame(e));
            }
            s->sendTextMessage(compact({{QStringLiteral("type"), QStringLiteral("subscribed")},
                {QStringLiteral("board_id"), board}, {QStringLiteral("seq"), latest}}));
        } else if (type == QLatin1String("ping") && answerPings) {
            s->sendTextMessage(compact({{QStringLiteral("type"), QStringLiteral("pong")},
                {QStringLiteral("id"), m.value(QStringLiteral("id"))}}));
        }
    }
    QHash<QWebSocket *, QSet<QString>> m_sockets;
};

LiveClient::Options fastOptions()
{
    LiveClient::Options o;
    o.backoff = [](int) { return 10; };
    return o;
}

QList<qint64> seqs(const QSignalSpy &spy)
{
    QList<qint64> out;
    for (const auto &args : spy)
        out.append(args.first().value<EventEnvelope>().seq);
    return out;
}

} // namespace

class TestLiveClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authenticatesSubscribesAndDeliversEvents()
    {
        FakeLiveServer server;
        LiveClient live(server.url(), fastOptions());
        QSignalSpy events(&live, &LiveClient::eventReceived);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        live.setAccessToken(QStringLiteral("token-1"), QDateTime());
        live.subscribe(QStringLiteral("b1"));
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, kWait);
        // The first message is the auth message; the token never appears in the URL.
        QCOMPARE(server.received.first().value(QStringLiteral("type")).toString(),
            QStringLiteral("auth"));
        QCOMPARE(server.received.first().value(QStringLiteral("token")).toString(),
            QStringLiteral("token-1"));
        QVERIFY(server.receivedOfType(QStringLiteral("subscribe"))
                    .first()
                    .value(QStringLiteral("since"))
                    .isNull());

        server.publish(QStringLiteral("b1"), QStringLiteral("card.created"));
        server.publish(QStringLiteral("b2"), QStringLiteral("card.created")); // not watched
        server.publish(QStringLiteral("b1"), QStringLiteral("card.moved"));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, kWait);
        const auto first = events.at(0).first().value<EventEnvelope>();
        QCOMPARE(first.type, QStringLiteral("card.created"));
        QCOMPARE(first.boardId, QStringLiteral("b1"));
        QCOMPARE(
            QJsonDocument::fromJson(first.data).object().value(QStringLiteral("id")).toString(),
            QStringLiteral("card-1"));
        QCOMPARE(first.at, QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
        QCOMPARE(seqs(events), (QList<qint64> {1, 3}));
        QCOMPARE(live.lastSeq(QStringLiteral("b1")), std::optional<qint64>(3));
    }

    void survivesServerRestartAndReceivesMissedEvents()
    {
        FakeLiveServer server;
        LiveClient live(server.url(), fastOptions());
        QSignalSpy events(&live, &LiveClient::eventReceived);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        live.setAccessToken(QStringLiteral("token-1"), QDateTime());
        live.subscribe(QStringLiteral("b1"));
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, kWait);
        server.publish(QStringLiteral("b1"), QStringLiteral("card.created"));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, kWait);

        server.stop(); // 1001 to everyone
        QTRY_VERIFY_WITH_TIMEOUT(live.state() != LiveClient::State::Ready, kWait);
        // Changes made while the client is away are kept in the server's event log.
        server.publish(QStringLiteral("b1"), QStringLiteral("card.moved"));
        server.publish(QStringLiteral("b1"), QStringLiteral("comment.created"));
        server.start();

        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 3, kWait);
        QCOMPARE(seqs(events), (QList<qint64> {1, 2, 3}));
        QVERIFY(server.connections >= 2);
        const auto subs = server.receivedOfType(QStringLiteral("subscribe"));
        QCOMPARE(
            subs.last().value(QStringLiteral("since")).toInteger(), 1); // resubscribed with since
        QCOMPARE(live.state(), LiveClient::State::Ready);
        // Live again after the restart.
        server.publish(QStringLiteral("b1"), QStringLiteral("card.updated"));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, kWait);
    }

    void replayedDuplicatesAreDroppedAfterReconnect()
    {
        FakeLiveServer server;
        server.ignoreSince = true;
        LiveClient live(server.url(), fastOptions());
        QSignalSpy events(&live, &LiveClient::eventReceived);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        server.publish(QStringLiteral("b1"), QStringLiteral("card.created"));
        server.publish(QStringLiteral("b1"), QStringLiteral("card.created"));
        live.setAccessToken(QStringLiteral("token-1"), QDateTime());
        live.subscribe(QStringLiteral("b1"), 1); // the caller's snapshot reflects seq 1
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, kWait);
        QCOMPARE(seqs(events), (QList<qint64> {2}));
        server.closeAll(4429); // too slow: the client reconnects and the server replays everything
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, kWait);
        server.publish(QStringLiteral("b1"), QStringLiteral("card.moved"));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, kWait);
        QCOMPARE(seqs(events), (QList<qint64> {2, 3}));
    }

    void resyncAsksForTheSnapshot()
    {
        FakeLiveServer server;
        for (int i = 0; i < 5; ++i)
            server.publish(QStringLiteral("b1"), QStringLiteral("card.created"));
        server.oldestRetained = 4; // events 1..3 are gone
        LiveClient live(server.url(), fastOptions());
        QSignalSpy resync(&live, &LiveClient::resyncRequired);
        QSignalSpy events(&live, &LiveClient::eventReceived);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        live.setAccessToken(QStringLiteral("token-1"), QDateTime());
        live.subscribe(QStringLiteral("b1"), 1);
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(resync.size(), 1, kWait);
        QCOMPARE(resync.first().first().toString(), QStringLiteral("b1"));
        QCOMPARE(events.size(), 0);
        // The window refetches GET /boards/b1 (seq 5) and subscribes from there.
        live.subscribe(QStringLiteral("b1"), 5);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, kWait);
        server.publish(QStringLiteral("b1"), QStringLiteral("card.moved"));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, kWait);
        QCOMPARE(seqs(events), (QList<qint64> {6}));
    }

    void refusedTokenAsksForANewOneAndReconnects()
    {
        FakeLiveServer server;
        LiveClient live(server.url(), fastOptions());
        QSignalSpy needed(&live, &LiveClient::tokenNeeded);
        QSignalSpy ready(&live, &LiveClient::ready);
        live.setAccessToken(QStringLiteral("stale"), QDateTime());
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), LiveClient::State::WaitingToReconnect, kWait);
        server.validTokens.append(QStringLiteral("token-2"));
        live.setAccessToken(QStringLiteral("token-2"), QDateTime());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kWait);
        QCOMPARE(server.receivedOfType(QStringLiteral("auth"))
                     .last()
                     .value(QStringLiteral("token"))
                     .toString(),
            QStringLiteral("token-2"));
    }

    void reauthenticatesBeforeTheTokenExpires()
    {
        FakeLiveServer server;
        QDateTime now = QDateTime::currentDateTimeUtc();
        LiveClient::Options options = fastOptions();
        options.now = [&now] { return now; };
        options.reauthLeadMs = 60000;
        LiveClient live(server.url(), options);
        QSignalSpy needed(&live, &LiveClient::tokenNeeded);
        QSignalSpy ready(&live, &LiveClient::ready);
        // Expires in 60.05 s: the client asks for a fresh token 60 s ahead, i.e. almost at once.
        live.setAccessToken(QStringLiteral("token-1"), now.addMSecs(60050));
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 1, kWait);
        server.validTokens.append(QStringLiteral("token-2"));
        live.setAccessToken(QStringLiteral("token-2"), now.addSecs(900));
        QTRY_COMPARE_WITH_TIMEOUT(server.receivedOfType(QStringLiteral("auth")).size(), 2, kWait);
        QCOMPARE(server.receivedOfType(QStringLiteral("auth"))
                     .last()
                     .value(QStringLiteral("token"))
                     .toString(),
            QStringLiteral("token-2"));
        QCOMPARE(server.connections, 1); // on the same connection
        QCOMPARE(live.state(), LiveClient::State::Ready);
    }

    void silentServerIsDetectedByPingsAndReconnected()
    {
        FakeLiveServer server;
        server.answerPings = false;
        LiveClient::Options options = fastOptions();
        options.pingIntervalMs = 50;
        options.silenceTimeoutMs = 300;
        LiveClient live(server.url(), options);
        QSignalSpy ready(&live, &LiveClient::ready);
        live.setAccessToken(QStringLiteral("token-1"), QDateTime());
        live.open();
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 2, kWait);
        QVERIFY(server.connections >= 2);
        QVERIFY(!server.receivedOfType(QStringLiteral("ping")).isEmpty());
    }

    void hangingHandshakeIsGivenUpAndRetried()
    {
        QTcpServer silent; // accepts TCP but never answers the WebSocket upgrade
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        int accepted = 0;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (silent.nextPendingConnection())
                ++accepted;
        });
        LiveClient::Options options = fastOptions();
        options.pingIntervalMs = 50;
        options.silenceTimeoutMs = 300;
        LiveClient live(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(silent.serverPort())), options);
        live.setAccessToken(QStringLiteral("token-1"), QDateTime());
        live.open();
        QTRY_VERIFY_WITH_TIMEOUT(accepted >= 2, kWait);
        QVERIFY(live.state() != LiveClient::State::Ready);
    }

    void forbiddenBoardIsDroppedButTheSocketStays()
    {
        FakeLiveServer server;
        LiveClient live(server.url(), fastOptions());
        QSignalSpy lost(&live, &LiveClient::subscriptionLost);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        live.setAccessToken(QStringLiteral("token-1"), QDateTime());
        live.subscribe(QStringLiteral("b1"));
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, kWait);
        server.sendTo(QStringLiteral("b1"),
            {{QStringLiteral("type"), QStringLiteral("error")},
                {QStringLiteral("code"), QStringLiteral("FORBIDDEN")},
                {QStringLiteral("status"), 4403},
                {QStringLiteral("board_id"), QStringLiteral("b1")},
                {QStringLiteral("detail"), QStringLiteral("removed from board")}});
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, kWait);
        QVERIFY(!live.lastSeq(QStringLiteral("b1")).has_value());
        QCOMPARE(live.state(), LiveClient::State::Ready);
    }
};

QTEST_GUILESS_MAIN(TestLiveClient)
#include "test_live_client.moc"
