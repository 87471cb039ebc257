// Live updates wired to the real server: JWT access tokens, board membership and the events
// outbox written by HTTP changes (no test doubles).
#include "tests/support/auth_helpers.h"
#include "tests/support/board_api.h"
#include "tests/support/live_test_support.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QTest>
#include <tuple>

using namespace corkboard;
using namespace corkboard::test;

namespace {
qint64 seqOf(const QJsonObject &event)
{
    return qint64(event.value(QStringLiteral("seq")).toDouble());
}
} // namespace

class TestLiveE2e : public QObject
{
    Q_OBJECT

private:
    QString boardPath() const { return QStringLiteral("/api/v1/boards/") + m_board; }
    qint64 boardSeq()
    {
        const HttpResult r = httpAuth("GET", m_server->url(boardPath()), m_alice.accessToken);
        return qint64(r.data()
                          .value(QStringLiteral("board"))
                          .toObject()
                          .value(QStringLiteral("seq"))
                          .toDouble());
    }
    HttpResult createCard(const QString &token, const QString &title)
    {
        return httpJson("POST", m_server->url(boardPath() + QStringLiteral("/cards")),
            {{QStringLiteral("column_id"), m_column}, {QStringLiteral("title"), title}}, token);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_alice = registerUser(*m_server, QStringLiteral("alice@example.test"));
        m_bob = registerUser(*m_server, QStringLiteral("bob@example.test"));
        std::tie(m_board, m_column) = BoardApi {*m_server}.createBoard(m_alice, {m_bob});
        QVERIFY(!m_board.isEmpty() && !m_column.isEmpty());
    }
    void cleanup() { m_server.reset(); }

    void httpChangeReachesTheOtherClientWithTheOutboxSeq()
    {
        WsClient alice(m_server->port());
        WsClient bob(m_server->port());
        QVERIFY(alice.connectAndWait());
        QVERIFY(bob.connectAndWait());
        QVERIFY(alice.authenticate(m_alice.accessToken));
        QVERIFY(bob.authenticate(m_bob.accessToken));
        QCOMPARE(alice.subscribe(m_board).value(QStringLiteral("type")).toString(),
            QStringLiteral("subscribed"));
        QCOMPARE(bob.subscribe(m_board).value(QStringLiteral("type")).toString(),
            QStringLiteral("subscribed"));

        const HttpResult created = createCard(m_bob.accessToken, QStringLiteral("Ship it"));
        QCOMPARE(created.status, 201);
        const qint64 outboxSeq = boardSeq();
        QVERIFY(outboxSeq > 0);
        const QJsonObject message = alice.waitFor([](const QJsonObject &m) {
            return m.value(QStringLiteral("event"))
                       .toObject()
                       .value(QStringLiteral("type"))
                       .toString()
                == QLatin1String("card.created");
        });
        const QJsonObject event = message.value(QStringLiteral("event")).toObject();
        QCOMPARE(seqOf(event), outboxSeq);
        QCOMPARE(event.value(QStringLiteral("actor_id")).toString(), m_bob.userId);
        QCOMPARE(event.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("title"))
                     .toString(),
            QStringLiteral("Ship it"));
        QVERIFY(!bob.waitFor([outboxSeq](const QJsonObject &m) {
                        return seqOf(m.value(QStringLiteral("event")).toObject()) == outboxSeq;
                    })
                     .isEmpty());
    }

    void reconnectAfterFiftyChangesReplaysExactlyThose()
    {
        const qint64 before = boardSeq();
        QList<qint64> expected;
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(createCard(m_alice.accessToken, QStringLiteral("card %1").arg(i)).status, 201);
            expected.append(boardSeq());
        }
        WsClient bob(m_server->port());
        QVERIFY(bob.connectAndWait());
        QVERIFY(bob.authenticate(m_bob.accessToken));
        bob.subscribe(m_board, before);
        QCOMPARE(bob.eventSeqs(m_board), expected);
    }

    void removedMemberStopsReceiving()
    {
        WsClient bob(m_server->port());
        QVERIFY(bob.connectAndWait());
        QVERIFY(bob.authenticate(m_bob.accessToken));
        bob.subscribe(m_board);
        const HttpResult removed = httpAuth("DELETE",
            m_server->url(boardPath() + QStringLiteral("/members/") + m_bob.userId),
            m_alice.accessToken);
        QVERIFY2(removed.status == 204 || removed.status == 200, removed.body.constData());
        QVERIFY(!bob.waitFor([](const QJsonObject &m) {
                        return m.value(QStringLiteral("type")).toString() == QLatin1String("error")
                            && m.value(QStringLiteral("code")).toString()
                            == QLatin1String("FORBIDDEN");
                    })
                     .isEmpty());
        const int seen = int(bob.eventSeqs(m_board).size());
        QCOMPARE(createCard(m_alice.accessToken, QStringLiteral("secret")).status, 201);
        bob.send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 1}});
        QVERIFY(!bob.waitForType(QStringLiteral("pong")).isEmpty());
        QTest::qWait(100);
        QCOMPARE(int(bob.eventSeqs(m_board).size()), seen);
    }

    void forgedJwtCloses4401()
    {
        WsClient client(m_server->port());
        QVERIFY(client.connectAndWait());
        QString forged = m_alice.accessToken;
        forged[forged.size() - 2] = forged.at(forged.size() - 2) == QLatin1Char('A')
            ? QLatin1Char('B')
            : QLatin1Char('A');
        client.send(
            {{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), forged}});
        QVERIFY(client.waitForClosed());
        QCOMPARE(client.closeCode(), 4401);
    }

private:
    std::unique_ptr<TestServer> m_server;
    RegisteredUser m_alice;
    RegisteredUser m_bob;
    QString m_board;
    QString m_column;
};

QTEST_GUILESS_MAIN(TestLiveE2e)
#include "test_live_e2e.moc"
