// Live updates over WebSocket: delivery, replay without gaps or duplicates, resync, membership,
// presence — against a real server with real QWebSocket clients.
#include "server/features/common/server_context.h"
#include "tests/support/live_test_support.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kBoard = QStringLiteral("board-1");
const QString kOther = QStringLiteral("board-2");
const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");
const QString kMallory = QStringLiteral("mallory");

QStringList viewerIds(const QJsonObject &presence)
{
    QStringList out;
    const QJsonArray viewers = presence.value(QStringLiteral("data"))
                                   .toObject()
                                   .value(QStringLiteral("viewers"))
                                   .toArray();
    for (const auto &v : viewers)
        out.append(v.toObject().value(QStringLiteral("user_id")).toString());
    return out;
}
} // namespace

class TestLiveWs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_outbox = std::make_shared<MemoryOutbox>();
        installMemoryBackend(*m_server, m_outbox);
        m_outbox->addMember(kBoard, kAlice);
        m_outbox->addMember(kBoard, kBob);
        m_outbox->addMember(kOther, kMallory);
    }
    void cleanup() { m_server.reset(); }

    void twoClientsReceiveTheSameEventWithItsSeq()
    {
        WsClient alice(m_server->port());
        WsClient bob(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(bob.connectAndWait());
        QVERIFY(alice.authenticate(m_outbox->issueToken(kAlice)));
        QVERIFY(bob.authenticate(m_outbox->issueToken(kBob)));
        QCOMPARE(alice.subscribe(kBoard).value(QStringLiteral("type")).toString(),
            QStringLiteral("subscribed"));
        QCOMPARE(bob.subscribe(kBoard).value(QStringLiteral("type")).toString(),
            QStringLiteral("subscribed"));

        const qint64 seq = publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.created"),
            kAlice, QByteArrayLiteral(R"({"id":"c1","title":"Write tests"})"));
        for (WsClient *client : {&alice, &bob}) {
            const QJsonObject message = client->waitFor([](const QJsonObject &m) {
                return m.value(QStringLiteral("event"))
                           .toObject()
                           .value(QStringLiteral("type"))
                           .toString()
                    == QLatin1String("card.created");
            });
            const QJsonObject event = message.value(QStringLiteral("event")).toObject();
            QCOMPARE(qint64(event.value(QStringLiteral("seq")).toDouble()), seq);
            QCOMPARE(event.value(QStringLiteral("board_id")).toString(), kBoard);
            QCOMPARE(event.value(QStringLiteral("actor_id")).toString(), kAlice);
            QCOMPARE(event.value(QStringLiteral("data"))
                         .toObject()
                         .value(QStringLiteral("title"))
                         .toString(),
                QStringLiteral("Write tests"));
            QVERIFY(!event.value(QStringLiteral("at")).toString().isEmpty());
        }
        // An event of another board reaches neither.
        publish(*m_server, *m_outbox, kOther, QStringLiteral("card.created"), kMallory);
        const qint64 after
            = publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.updated"), kBob);
        QVERIFY(!alice
                     .waitFor([after](const QJsonObject &m) {
                         return qint64(m.value(QStringLiteral("event"))
                                           .toObject()
                                           .value(QStringLiteral("seq"))
                                           .toDouble())
                             == after;
                     })
                     .isEmpty());
        QCOMPARE(alice.eventSeqs(kOther), QList<qint64>());
        QCOMPARE(alice.eventSeqs(), (QList<qint64> {seq, after}));
    }

    void reconnectWithSinceReplaysExactlyWhatWasMissed()
    {
        WsClient first(m_server->port());
        QVERIFY(first.connectAndWait());
        QVERIFY(first.authenticate(m_outbox->issueToken(kAlice)));
        first.subscribe(kBoard);
        const qint64 seen
            = publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.created"), kBob);
        QVERIFY(!first
                     .waitFor([seen](const QJsonObject &m) {
                         return qint64(m.value(QStringLiteral("event"))
                                           .toObject()
                                           .value(QStringLiteral("seq"))
                                           .toDouble())
                             == seen;
                     })
                     .isEmpty());
        first.socket().close();
        QVERIFY(first.waitForClosed());

        QList<qint64> missed;
        for (int i = 0; i < 50; ++i) {
            missed.append(publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.updated"),
                kBob, QByteArrayLiteral("{\"n\":") + QByteArray::number(i) + '}'));
            publish(*m_server, *m_outbox, kOther, QStringLiteral("card.updated"),
                kMallory); // interleaved noise
        }

        WsClient again(m_server->port());
        QVERIFY(again.connectAndWait());
        QVERIFY(again.authenticate(m_outbox->issueToken(kAlice)));
        const QJsonObject subscribed = again.subscribe(kBoard, seen);
        QCOMPARE(subscribed.value(QStringLiteral("type")).toString(), QStringLiteral("subscribed"));
        QCOMPARE(again.eventSeqs(kBoard), missed); // all 50, in order, nothing else
        QVERIFY(qint64(subscribed.value(QStringLiteral("seq")).toDouble()) >= missed.last());

        // Live events continue after the replay with no duplicate.
        const qint64 live
            = publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.moved"), kBob);
        QVERIFY(!again
                     .waitFor([live](const QJsonObject &m) {
                         return qint64(m.value(QStringLiteral("event"))
                                           .toObject()
                                           .value(QStringLiteral("seq"))
                                           .toDouble())
                             == live;
                     })
                     .isEmpty());
        missed.append(live);
        QCOMPARE(again.eventSeqs(kBoard), missed);
    }

    void concurrentWritersNeverCauseGapsOrDuplicates()
    {
        WsClient alice(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(alice.authenticate(m_outbox->issueToken(kAlice)));
        alice.subscribe(kBoard);
        // Notifications arriving late, out of order or repeated must not matter: hubs read the
        // outbox.
        QList<qint64> expected;
        for (int i = 0; i < 20; ++i)
            expected.append(m_outbox->append(kBoard, QStringLiteral("card.updated"), kBob, "{}"));
        auto &bus = m_server->host().context().liveBus;
        bus.notifyCommitted(kBoard, expected.last());
        bus.notifyCommitted(kBoard, expected.at(3));
        bus.notifyCommitted(kBoard, expected.last());
        QVERIFY(!alice
                     .waitFor([&](const QJsonObject &m) {
                         return qint64(m.value(QStringLiteral("event"))
                                           .toObject()
                                           .value(QStringLiteral("seq"))
                                           .toDouble())
                             == expected.last();
                     })
                     .isEmpty());
        QTest::qWait(100); // let any stray duplicate arrive before comparing
        QCOMPARE(alice.eventSeqs(kBoard), expected);
    }

    void sinceOlderThanRetainedAsksForResync()
    {
        for (int i = 0; i < 10; ++i)
            m_outbox->append(kBoard, QStringLiteral("card.updated"), kBob, "{}");
        m_outbox->prune(6);
        WsClient alice(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(alice.authenticate(m_outbox->issueToken(kAlice)));
        alice.subscribe(kBoard, 2);
        QCOMPARE(alice.waitForType(QStringLiteral("resync"))
                     .value(QStringLiteral("board_id"))
                     .toString(),
            kBoard);
        QCOMPARE(alice.eventSeqs(kBoard), QList<qint64>()); // nothing partial replayed

        // since from the future (a reset database) is a resync too; since inside retention replays.
        WsClient bob(m_server->port());
        QVERIFY(bob.connectAndWait());
        QVERIFY(bob.authenticate(m_outbox->issueToken(kBob)));
        bob.subscribe(kBoard, 7);
        QCOMPARE(bob.eventSeqs(kBoard), (QList<qint64> {8, 9, 10}));
        bob.subscribe(kBoard, 500);
        QVERIFY(!bob.waitForType(QStringLiteral("resync")).isEmpty());
    }

    void nonMembersAndUnknownBoardsGetAnErrorAndTheSocketStays()
    {
        WsClient mallory(m_server->port());
        QVERIFY(mallory.connectAndWait());
        QVERIFY(mallory.authenticate(m_outbox->issueToken(kMallory)));
        for (const QString &board : {kBoard, QStringLiteral("no-such-board")}) {
            const QJsonObject reply = mallory.subscribe(board);
            QCOMPARE(reply.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
            QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("FORBIDDEN"));
            QCOMPARE(reply.value(QStringLiteral("status")).toInt(), 4403);
        }
        publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.created"), kAlice);
        mallory.send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 7}});
        QCOMPARE(
            mallory.waitForType(QStringLiteral("pong")).value(QStringLiteral("id")).toInt(), 7);
        QVERIFY(mallory.isConnected());
        QCOMPARE(mallory.eventSeqs(kBoard), QList<qint64>());
    }

    // Numbers in client messages are range-checked before they become integers: an error frame
    // (the socket stays), never a conversion with undefined behaviour or a 1e+300 echoed back.
    void outOfRangeNumbersGetAnErrorFrame()
    {
        WsClient alice(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(alice.authenticate(m_outbox->issueToken(kAlice)));
        int from = int(alice.messages().size());
        alice.sendRaw(QStringLiteral("{\"type\":\"ping\",\"id\":1e300}"));
        QJsonObject reply = alice.waitForType(QStringLiteral("error"), 5000, from);
        QCOMPARE(
            reply.value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION_FAILED"));
        from = int(alice.messages().size());
        alice.sendRaw(
            QStringLiteral("{\"type\":\"subscribe\",\"board_id\":\"%1\",\"since\":-1e300}")
                .arg(kBoard));
        reply = alice.waitForType(QStringLiteral("error"), 5000, from);
        QCOMPARE(
            reply.value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(reply.value(QStringLiteral("board_id")).toString(), kBoard);
        alice.sendRaw(QStringLiteral("{\"type\":\"ping\",\"id\":9007199254740992}"));
        QCOMPARE(alice.waitForType(QStringLiteral("pong")).value(QStringLiteral("id")).toInteger(),
            qint64(9007199254740992));
        QVERIFY(alice.isConnected());
    }

    void removedMemberStopsReceivingAtOnce()
    {
        WsClient alice(m_server->port());
        WsClient bob(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(bob.connectAndWait());
        QVERIFY(alice.authenticate(m_outbox->issueToken(kAlice)));
        QVERIFY(bob.authenticate(m_outbox->issueToken(kBob)));
        alice.subscribe(kBoard);
        bob.subscribe(kBoard);

        m_outbox->removeMember(kBoard, kBob);
        const qint64 removal = publish(*m_server, *m_outbox, kBoard,
            QStringLiteral("member.removed"), kAlice, QByteArrayLiteral(R"({"id":"bob"})"));
        const qint64 secret
            = publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.created"), kAlice);
        QVERIFY(!alice
                     .waitFor([secret](const QJsonObject &m) {
                         return qint64(m.value(QStringLiteral("event"))
                                           .toObject()
                                           .value(QStringLiteral("seq"))
                                           .toDouble())
                             == secret;
                     })
                     .isEmpty());
        const QJsonObject revoked = bob.waitFor([](const QJsonObject &m) {
            return m.value(QStringLiteral("type")).toString() == QLatin1String("error")
                && m.value(QStringLiteral("code")).toString() == QLatin1String("FORBIDDEN");
        });
        QCOMPARE(revoked.value(QStringLiteral("board_id")).toString(), kBoard);
        QCOMPARE(bob.eventSeqs(kBoard),
            QList<qint64> {removal}); // told about the removal, nothing after
        QVERIFY(bob.isConnected());
        // Re-subscribing is refused now.
        QCOMPARE(bob.subscribe(kBoard).value(QStringLiteral("code")).toString(),
            QStringLiteral("FORBIDDEN"));
    }

    void unsubscribeStopsDelivery()
    {
        WsClient alice(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(alice.authenticate(m_outbox->issueToken(kAlice)));
        alice.subscribe(kBoard);
        const int from = int(alice.messages().size());
        alice.send({{QStringLiteral("type"), QStringLiteral("unsubscribe")},
            {QStringLiteral("board_id"), kBoard}});
        QVERIFY(!alice.waitForType(QStringLiteral("unsubscribed"), 5000, from).isEmpty());
        publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.created"), kBob);
        alice.send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 1}});
        QVERIFY(!alice.waitForType(QStringLiteral("pong"), 5000, from).isEmpty());
        QTest::qWait(100);
        QCOMPARE(alice.eventSeqs(kBoard), QList<qint64>());
    }

    void presenceFollowsTabsAndDisconnects()
    {
        WsClient alice(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(alice.authenticate(m_outbox->issueToken(kAlice)));
        alice.subscribe(kBoard);
        auto latestPresence = [&alice] {
            const auto list = alice.events(QStringLiteral("presence.changed"));
            return list.isEmpty() ? QStringList() : viewerIds(list.last());
        };
        QVERIFY(QTest::qWaitFor([&] { return latestPresence() == QStringList {kAlice}; }, 5000));

        auto bobTab1 = std::make_unique<WsClient>(m_server->port());
        auto bobTab2 = std::make_unique<WsClient>(m_server->port());
        QVERIFY(bobTab1->connectAndWait());
        QVERIFY(bobTab2->connectAndWait());
        QVERIFY(bobTab1->authenticate(m_outbox->issueToken(kBob)));
        QVERIFY(bobTab2->authenticate(m_outbox->issueToken(kBob)));
        bobTab1->subscribe(kBoard);
        bobTab2->subscribe(kBoard);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return latestPresence() == (QStringList {kAlice, kBob});
            },
            5000));
        // The second tab learned who is there too.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto list = bobTab2->events(QStringLiteral("presence.changed"));
                return !list.isEmpty() && viewerIds(list.last()) == (QStringList {kAlice, kBob});
            },
            5000));

        const int before = int(alice.events(QStringLiteral("presence.changed")).size());
        bobTab1->socket().close();
        QVERIFY(bobTab1->waitForClosed());
        // Bob still has a tab open: still viewing. Prove the hub processed the close first.
        WsClient probe(m_server->port());
        QVERIFY(probe.connectAndWait());
        QTest::qWait(100);
        QCOMPARE(int(alice.events(QStringLiteral("presence.changed")).size()), before);
        bobTab2->socket().abort(); // a dropped connection, not a clean close
        QVERIFY(QTest::qWaitFor([&] { return latestPresence() == QStringList {kAlice}; }, 5000));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::shared_ptr<MemoryOutbox> m_outbox;
};

QTEST_GUILESS_MAIN(TestLiveWs)
#include "test_live_ws.moc"
