// Live updates over Server-Sent Events: Bearer auth, id:/event:/data: lines, Last-Event-ID
// replay, keep-alive comments, refusals before the stream starts, removal ends the stream.
#include "server/features/common/server_context.h"
#include "tests/support/live_test_support.h"
#include "tests/support/test_server.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kBoard = QStringLiteral("board-1");
const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");

struct SseEvent
{
    QByteArray id;
    QByteArray event;
    QByteArray data;
};

//! Reads an event stream on a raw socket (the test's event loop keeps running while it waits).
class SseClient
{
public:
    void open(quint16 port, const QByteArray &target, const QList<QByteArray> &headers)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QByteArray request
            = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
        for (const QByteArray &h : headers)
            request += h + "\r\n";
        m_socket.write(request + "\r\n");
    }
    bool waitFor(const std::function<bool()> &done, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                m_raw += m_socket.readAll();
                parse();
                return done();
            },
            timeoutMs);
    }
    bool waitForHead()
    {
        return waitFor([this] { return m_raw.contains("\r\n\r\n") || m_headDone; });
    }
    int status() const { return m_head.mid(9, 3).toInt(); }
    const QByteArray &head() const { return m_head; }
    QByteArray body() const { return m_raw; }
    const QList<SseEvent> &events() const { return m_events; }
    QList<qint64> ids() const
    {
        QList<qint64> out;
        for (const SseEvent &e : m_events) {
            if (!e.id.isEmpty())
                out.append(e.id.toLongLong());
        }
        return out;
    }
    int comments() const { return m_comments; }
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }

private:
    void parse()
    {
        if (!m_headDone) {
            const qsizetype end = m_raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_head = m_raw.left(end);
            m_raw.remove(0, end + 4);
            m_headDone = true;
            if (status() != 200)
                return; // a problem body, not a stream
        }
        if (status() != 200)
            return;
        qsizetype end;
        while ((end = m_raw.indexOf("\n\n")) >= 0) {
            const QByteArray block = m_raw.left(end);
            m_raw.remove(0, end + 2);
            SseEvent e;
            bool any = false;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith(':')) {
                    ++m_comments;
                } else if (line.startsWith("id: ")) {
                    e.id = line.mid(4);
                    any = true;
                } else if (line.startsWith("event: ")) {
                    e.event = line.mid(7);
                    any = true;
                } else if (line.startsWith("data: ")) {
                    e.data = line.mid(6);
                    any = true;
                }
            }
            if (any && !e.event.isEmpty())
                m_events.append(e);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_raw;
    QByteArray m_head;
    bool m_headDone = false;
    QList<SseEvent> m_events;
    int m_comments = 0;
};
} // namespace

class TestLiveSse : public QObject
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
    QByteArray bearer(const QString &user)
    {
        return "Authorization: Bearer " + m_outbox->issueToken(user).toLatin1();
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void streamsEventsWithIdEventAndDataLines()
    {
        start();
        SseClient client;
        client.open(m_server->port(), "/api/v1/events?board_id=board-1", {bearer(kAlice)});
        QVERIFY(client.waitForHead());
        QCOMPARE(client.status(), 200);
        QVERIFY(client.head().contains("Content-Type: text/event-stream"));
        QVERIFY(client.waitFor([&] { return !client.events().isEmpty(); })); // subscribed
        const qint64 seq = publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.moved"), kBob,
            QByteArrayLiteral(R"({"id":"c9","column_id":"done"})"));
        QVERIFY(client.waitFor([&] { return client.ids().contains(seq); }));
        const SseEvent &e = client.events().last();
        QCOMPARE(e.event, QByteArrayLiteral("card.moved"));
        QCOMPARE(e.id, QByteArray::number(seq));
        const QJsonObject envelope = QJsonDocument::fromJson(e.data).object();
        QCOMPARE(qint64(envelope.value(QStringLiteral("seq")).toDouble()), seq);
        QCOMPARE(envelope.value(QStringLiteral("type")).toString(), QStringLiteral("card.moved"));
        QCOMPARE(envelope.value(QStringLiteral("board_id")).toString(), kBoard);
        QCOMPARE(envelope.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("column_id"))
                     .toString(),
            QStringLiteral("done"));
    }

    void lastEventIdReplaysWhatWasMissed()
    {
        start();
        QList<qint64> all;
        for (int i = 0; i < 30; ++i)
            all.append(m_outbox->append(kBoard, QStringLiteral("card.updated"), kBob, "{}"));
        SseClient client;
        client.open(m_server->port(), "/api/v1/events?board_id=board-1",
            {bearer(kAlice), "Last-Event-ID: " + QByteArray::number(all.at(9))});
        QVERIFY(client.waitFor([&] {
            for (const SseEvent &e : client.events()) {
                if (e.event == "subscribed")
                    return true;
            }
            return false;
        }));
        QCOMPARE(client.ids(), all.mid(10));
        const qint64 live
            = publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.created"), kBob);
        QVERIFY(client.waitFor([&] { return client.ids().contains(live); }));
        QCOMPARE(client.ids(), all.mid(10) + QList<qint64> {live});
    }

    void keepAliveCommentsOnAnIdleStream()
    {
        start([](Config &c) { c.sseKeepAliveMs = 100; });
        SseClient client;
        client.open(m_server->port(), "/api/v1/events?board_id=board-1", {bearer(kAlice)});
        QVERIFY(client.waitFor([&] { return client.comments() >= 3; }));
        QVERIFY(!client.closed());
    }

    void refusalsAreProblemsBeforeTheStreamStarts_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("no token") << QByteArray("/api/v1/events?board_id=board-1") << QString()
                                  << QByteArray() << 401 << "UNAUTHENTICATED";
        QTest::newRow("forged token")
            << QByteArray("/api/v1/events?board_id=board-1") << QStringLiteral("forged")
            << QByteArray() << 401 << "UNAUTHENTICATED";
        QTest::newRow("no board") << QByteArray("/api/v1/events") << QStringLiteral("alice")
                                  << QByteArray() << 422 << "VALIDATION_FAILED";
        QTest::newRow("not a member")
            << QByteArray("/api/v1/events?board_id=board-2") << QStringLiteral("alice")
            << QByteArray() << 404 << "NOT_FOUND";
        QTest::newRow("bad Last-Event-ID")
            << QByteArray("/api/v1/events?board_id=board-1") << QStringLiteral("alice")
            << QByteArray("Last-Event-ID: yesterday") << 422 << "VALIDATION_FAILED";
    }

    void refusalsAreProblemsBeforeTheStreamStarts()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, who);
        QFETCH(QByteArray, extra);
        QFETCH(int, status);
        QFETCH(QString, code);
        start();
        QList<QByteArray> headers;
        if (who == QLatin1String("forged"))
            headers.append("Authorization: Bearer not-a-token");
        else if (!who.isEmpty())
            headers.append(bearer(who));
        if (!extra.isEmpty())
            headers.append(extra);
        const HttpResult r = [&] {
            QList<QPair<QByteArray, QByteArray>> h;
            for (const QByteArray &line : headers) {
                const qsizetype colon = line.indexOf(':');
                h.append({line.left(colon), line.mid(colon + 1).trimmed()});
            }
            return http("GET", m_server->url(QString::fromLatin1(target)), QByteArray(), h);
        }();
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
        QVERIFY(r.header("Content-Type").startsWith("application/problem+json"));
        // The connection was not turned into a stream: the same server still answers normally.
        QCOMPARE(http("GET", m_server->url(QStringLiteral("/health"))).status, 200);
    }

    void removalEndsTheStream()
    {
        start();
        SseClient client;
        client.open(m_server->port(), "/api/v1/events?board_id=board-1", {bearer(kBob)});
        QVERIFY(client.waitFor([&] { return !client.events().isEmpty(); }));
        m_outbox->removeMember(kBoard, kBob);
        const qint64 removal
            = publish(*m_server, *m_outbox, kBoard, QStringLiteral("member.removed"), kAlice);
        publish(*m_server, *m_outbox, kBoard, QStringLiteral("card.created"), kAlice);
        QVERIFY(client.waitFor([&] { return client.closed(); }));
        QCOMPARE(client.ids(), QList<qint64> {removal});
        QCOMPARE(client.events().last().event, QByteArrayLiteral("error"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::shared_ptr<MemoryOutbox> m_outbox;
};

QTEST_GUILESS_MAIN(TestLiveSse)
#include "test_live_sse.moc"
