// LiveClient against the real server's WebSocket hub on loopback (the live feature's in-memory
// event backend stands in for the database outbox, which is not wired to the hub yet): it
// survives a server restart on the same port and receives exactly the events it missed.
#include "shared/client/live_client.h"
#include "tests/support/live_test_support.h"
#include "tests/support/test_server.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

namespace {

constexpr int kWait = 20000;

//! Board changes received (presence.changed, which carries no seq, left out).
QList<EventEnvelope> changes(const QSignalSpy &spy)
{
    QList<EventEnvelope> out;
    for (const auto &args : spy) {
        const auto e = args.first().value<EventEnvelope>();
        if (e.type != QLatin1String("presence.changed"))
            out.append(e);
    }
    return out;
}

QList<qint64> seqs(const QSignalSpy &spy)
{
    QList<qint64> out;
    for (const auto &e : changes(spy))
        out.append(e.seq);
    return out;
}

QUrl wsUrl(quint16 port)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(port));
}

} // namespace

class TestLiveClientServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void survivesServerRestartAndReceivesMissedEvents()
    {
        auto outbox = std::make_shared<MemoryOutbox>();
        outbox->addMember(QStringLiteral("b1"), QStringLiteral("u1"));
        const QString token = outbox->issueToken(QStringLiteral("u1"));

        auto server = std::make_unique<TestServer>();
        installMemoryBackend(*server, outbox);
        const quint16 port = server->port();

        LiveClient::Options options;
        options.backoff = [](int) { return 50; };
        LiveClient live(wsUrl(port), options);
        QSignalSpy events(&live, &LiveClient::eventReceived);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        QSignalSpy ready(&live, &LiveClient::ready);
        live.setAccessToken(token, QDateTime());
        live.subscribe(QStringLiteral("b1"));
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, kWait);
        QCOMPARE(ready.first().first().toString(), QStringLiteral("u1"));

        publish(*server, *outbox, QStringLiteral("b1"), QStringLiteral("card.created"),
            QStringLiteral("u1"), QByteArrayLiteral(R"({"id":"c1","title":"One"})"));
        QTRY_COMPARE_WITH_TIMEOUT(changes(events).size(), 1, kWait);
        const auto first = changes(events).first();
        QCOMPARE(first.type, QStringLiteral("card.created"));
        QCOMPARE(first.boardId, QStringLiteral("b1"));
        QCOMPARE(
            QJsonDocument::fromJson(first.data).object().value(QStringLiteral("title")).toString(),
            QStringLiteral("One"));

        // The server goes away (1001); changes keep happening meanwhile.
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(live.state() != LiveClient::State::Ready, kWait);
        outbox->append(QStringLiteral("b1"), QStringLiteral("card.moved"), QStringLiteral("u1"),
            QByteArrayLiteral(R"({"id":"c1"})"));
        outbox->append(QStringLiteral("b1"), QStringLiteral("comment.created"),
            QStringLiteral("u1"), QByteArrayLiteral(R"({"id":"m1"})"));

        // Back on the same port: the client reconnects, re-authenticates, resubscribes with
        // since = 1 and receives the two missed events once each, in order.
        server = std::make_unique<TestServer>([port](Config &c) { c.port = port; });
        installMemoryBackend(*server, outbox);
        QTRY_COMPARE_WITH_TIMEOUT(changes(events).size(), 3, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, kWait);
        QCOMPARE(seqs(events), (QList<qint64> {1, 2, 3}));
        QCOMPARE(live.state(), LiveClient::State::Ready);

        publish(*server, *outbox, QStringLiteral("b1"), QStringLiteral("card.updated"),
            QStringLiteral("u1"));
        QTRY_COMPARE_WITH_TIMEOUT(changes(events).size(), 4, kWait);
        QCOMPARE(seqs(events), (QList<qint64> {1, 2, 3, 4}));
    }

    void resyncWhenTheMissedEventsWereRetentionPruned()
    {
        auto outbox = std::make_shared<MemoryOutbox>();
        outbox->addMember(QStringLiteral("b1"), QStringLiteral("u1"));
        TestServer server;
        installMemoryBackend(server, outbox);
        for (int i = 0; i < 5; ++i)
            outbox->append(
                QStringLiteral("b1"), QStringLiteral("card.created"), QStringLiteral("u1"), "{}");
        outbox->prune(3);

        LiveClient live(wsUrl(server.port()));
        QSignalSpy resync(&live, &LiveClient::resyncRequired);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        live.setAccessToken(outbox->issueToken(QStringLiteral("u1")), QDateTime());
        live.subscribe(QStringLiteral("b1"), 1); // holds a snapshot at seq 1: events 2..3 are gone
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(resync.size(), 1, kWait);
        QCOMPARE(resync.first().first().toString(), QStringLiteral("b1"));
    }

    void refusedTokenAsksForAFreshOne()
    {
        auto outbox = std::make_shared<MemoryOutbox>();
        TestServer server;
        installMemoryBackend(server, outbox);
        LiveClient live(wsUrl(server.port()));
        QSignalSpy needed(&live, &LiveClient::tokenNeeded);
        QSignalSpy ready(&live, &LiveClient::ready);
        live.setAccessToken(QStringLiteral("not-a-token"), QDateTime());
        live.open();
        QTRY_VERIFY_WITH_TIMEOUT(needed.size() >= 1, kWait);
        live.setAccessToken(outbox->issueToken(QStringLiteral("u1")), QDateTime());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kWait);
    }
};

QTEST_GUILESS_MAIN(TestLiveClientServer)
#include "test_live_client_server.moc"
