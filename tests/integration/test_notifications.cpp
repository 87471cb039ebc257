// Notifications made by real `corkboard --worker` processes (two of them, on a fake clock)
// from what happens through the HTTP API: assignments, due-date reminders exactly once per
// card, user, kind and due date, re-armed by a new due date; then the notification routes.
#include "server/platform/database.h"
#include "shared/time_format.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/board_api.h"
#include "tests/support/test_server.h"
#include "tests/support/worker_harness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QWebSocket>

using namespace corkboard;

class TestNotifications : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::WorkerHarness> m_h;
    std::unique_ptr<test::TestServer> m_server;

    qint64 count(const QString &userId, const QString &kind)
    {
        SqlQuery q(m_h->db(),
            QStringLiteral("SELECT count(*) FROM notifications WHERE user_id = :u AND kind = :k"));
        q.bind(QStringLiteral(":u"), userId).bind(QStringLiteral(":k"), kind).exec();
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    //! True once the reminder scan of the clock's current minute has run.
    bool reminderScanDone()
    {
        SqlQuery q(m_h->db(), QStringLiteral("SELECT state FROM jobs WHERE idempotency_key = :k"));
        q.bind(QStringLiteral(":k"),
             QStringLiteral("periodic:notifications.reminders:%1").arg(m_h->nowMs() / 60000))
            .exec();
        return q.next() && q.value(0).toString() == QLatin1String("done");
    }

    void advanceAndScan(qint64 ms)
    {
        m_h->advance(ms);
        QTRY_VERIFY_WITH_TIMEOUT(reminderScanDone(), 20000);
    }

private Q_SLOTS:
    void init()
    {
        m_h = std::make_unique<test::WorkerHarness>();
        qputenv("CORKBOARD_TEST_CLOCK_FILE", m_h->clockFile().toUtf8());
        const Config workerDb = m_h->config();
        m_server = std::make_unique<test::TestServer>([&workerDb](Config &c) {
            c.dataDir = workerDb.dataDir;
            c.databaseUrl = workerDb.databaseUrl;
        });
    }

    void cleanup()
    {
        m_server.reset();
        m_h.reset();
        qunsetenv("CORKBOARD_TEST_CLOCK_FILE");
    }

    void remindersFireOncePerUserKindAndDueDateWithTwoWorkers()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        auto bob = test::registerUser(*m_server, QStringLiteral("bob@example.com"));
        auto carol = test::registerUser(*m_server, QStringLiteral("carol@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {bob, carol});
        const QDateTime due = m_h->now().addSecs(30 * 3600);
        const QString cardId = api.createCard(owner, boardId, columnId, QStringLiteral("Ship it"),
            {bob.userId, carol.userId}, toRfc3339(due));
        QVERIFY(!cardId.isEmpty());

        m_h->startWorker();
        m_h->startWorker();
        // Assigned at creation: one notification each (the outbox relay, exactly once).
        QTRY_COMPARE_WITH_TIMEOUT(count(bob.userId, QStringLiteral("assigned")), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(count(carol.userId, QStringLiteral("assigned")), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(reminderScanDone(), 20000);
        QCOMPARE(count(bob.userId, QStringLiteral("due_soon")), 0); // 30 h out, lead is 24 h

        // 23 h before the due time: due_soon for each assignee, once, whatever the scans.
        advanceAndScan(7 * 3600 * 1000ll);
        QCOMPARE(count(bob.userId, QStringLiteral("due_soon")), 1);
        QCOMPARE(count(carol.userId, QStringLiteral("due_soon")), 1);
        advanceAndScan(60 * 1000);
        advanceAndScan(3600 * 1000);
        QCOMPARE(count(bob.userId, QStringLiteral("due_soon")), 1);
        QCOMPARE(count(carol.userId, QStringLiteral("due_soon")), 1);
        QCOMPARE(count(owner.userId, QStringLiteral("due_soon")), 0); // not an assignee
        QCOMPARE(count(bob.userId, QStringLiteral("overdue")), 0);

        // Past the due time: overdue once.
        m_h->setNow(due.addSecs(60));
        QTRY_VERIFY_WITH_TIMEOUT(reminderScanDone(), 20000);
        advanceAndScan(60 * 1000);
        QCOMPARE(count(bob.userId, QStringLiteral("overdue")), 1);
        QCOMPARE(count(carol.userId, QStringLiteral("overdue")), 1);

        // A new due date re-arms both reminders.
        const QDateTime newDue = m_h->now().addSecs(10 * 3600);
        owner = test::loginUser(
            *m_server, QStringLiteral("owner@example.com")); // a day passed: fresh token
        const auto patched
            = api.patchCard(owner, cardId, {{QStringLiteral("due_at"), toRfc3339(newDue)}});
        QCOMPARE(patched.status, 200);
        advanceAndScan(60 * 1000);
        QCOMPARE(count(bob.userId, QStringLiteral("due_soon")), 2);
        QCOMPARE(count(carol.userId, QStringLiteral("due_soon")), 2);
        m_h->setNow(newDue.addSecs(1));
        QTRY_VERIFY_WITH_TIMEOUT(reminderScanDone(), 20000);
        QCOMPARE(count(bob.userId, QStringLiteral("overdue")), 2);
        advanceAndScan(60 * 1000);
        QCOMPARE(count(bob.userId, QStringLiteral("overdue")), 2);
        QCOMPARE(count(bob.userId, QStringLiteral("assigned")), 1);
    }

    void assignmentNotifiesOnlyTheNewAssignee()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        auto bob = test::registerUser(*m_server, QStringLiteral("bob@example.com"));
        auto carol = test::registerUser(*m_server, QStringLiteral("carol@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {bob, carol});
        const QString cardId = api.createCard(
            owner, boardId, columnId, QStringLiteral("Plan"), {bob.userId}, QString());
        QCOMPARE(
            api.patchCard(owner, cardId, {{QStringLiteral("title"), QStringLiteral("Plan v2")}})
                .status,
            200);
        QCOMPARE(api.patchCard(owner, cardId,
                        {{QStringLiteral("assignee_ids"), QJsonArray {bob.userId, carol.userId}}})
                     .status,
            200);
        // Self-assignment is not news.
        api.createCard(owner, boardId, columnId, QStringLiteral("Mine"), {owner.userId}, QString());
        m_h->startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(count(carol.userId, QStringLiteral("assigned")), 1, 20000);
        QCOMPARE(count(bob.userId, QStringLiteral("assigned")), 1);
        QCOMPARE(count(owner.userId, QStringLiteral("assigned")), 0);
    }

    void notificationIsPushedToTheUsersWebSocket()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"),
            QStringLiteral("correct horse battery"), QStringLiteral("Olga Owner"));
        auto bob = test::registerUser(*m_server, QStringLiteral("bob@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {bob});

        QWebSocket ws;
        QList<QJsonObject> messages;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&messages](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(m_server->port())));
        QTRY_COMPARE_WITH_TIMEOUT(ws.state(), QAbstractSocket::ConnectedState, 10000);
        ws.sendTextMessage(
            QStringLiteral("{\"type\":\"auth\",\"token\":\"%1\"}").arg(bob.accessToken));
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10000);
        QVERIFY2(
            messages.first().value(QStringLiteral("type")).toString() == QLatin1String("ready"),
            QJsonDocument(messages.first()).toJson().constData());

        const QString cardId = api.createCard(
            owner, boardId, columnId, QStringLiteral("Live one"), {bob.userId}, QString());
        m_h->startWorker();
        auto pushed = [&messages] {
            for (const auto &m : messages) {
                if (m.value(QStringLiteral("type")).toString() == QLatin1String("notification"))
                    return m.value(QStringLiteral("data")).toObject();
            }
            return QJsonObject();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!pushed().isEmpty(), 20000);
        QCOMPARE(pushed().value(QStringLiteral("kind")).toString(), QStringLiteral("assigned"));
        QCOMPARE(pushed().value(QStringLiteral("card_id")).toString(), cardId);
        QCOMPARE(pushed().value(QStringLiteral("read")).toBool(), false);
        // Who did it, by name (as it was then), so a client can say so without a look-up.
        QCOMPARE(pushed()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("actor_name"))
                     .toString(),
            QStringLiteral("Olga Owner"));
        ws.close();
    }

    void routesListAndMarkRead()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        auto bob = test::registerUser(*m_server, QStringLiteral("bob@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {bob});
        api.createCard(owner, boardId, columnId, QStringLiteral("One"), {bob.userId}, QString());
        api.createCard(owner, boardId, columnId, QStringLiteral("Two"), {bob.userId}, QString());
        m_h->startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(count(bob.userId, QStringLiteral("assigned")), 2, 20000);

        const QString base = m_server->url(QStringLiteral("/api/v1/notifications"));
        auto list
            = test::httpAuth("GET", base + QStringLiteral("?unread=true&limit=1"), bob.accessToken);
        QCOMPARE(list.status, 200);
        const auto first = list.json().value(QStringLiteral("data")).toArray();
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.at(0).toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("assigned"));
        QCOMPARE(first.at(0)
                     .toObject()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("card_title"))
                     .toString(),
            QStringLiteral("Two"));
        const QString cursor = list.json().value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        list = test::httpAuth(
            "GET", base + QStringLiteral("?unread=true&limit=1&cursor=") + cursor, bob.accessToken);
        QCOMPARE(list.json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("card_title"))
                     .toString(),
            QStringLiteral("One"));
        QVERIFY(list.json().value(QStringLiteral("next_cursor")).isNull());

        // Someone else's notification is not found; mine gets read.
        const QString id = first.at(0).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(
            test::httpAuth("POST", base + QStringLiteral("/%1/read").arg(id), owner.accessToken)
                .status,
            404);
        const auto read
            = test::httpAuth("POST", base + QStringLiteral("/%1/read").arg(id), bob.accessToken);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.data().value(QStringLiteral("read")).toBool(), true);
        list = test::httpAuth("GET", base + QStringLiteral("?unread=true"), bob.accessToken);
        QCOMPARE(list.json().value(QStringLiteral("data")).toArray().size(), 1);

        const auto all
            = test::httpAuth("POST", base + QStringLiteral("/read-all"), bob.accessToken);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.data().value(QStringLiteral("marked")).toInt(), 1);
        QCOMPARE(test::httpAuth("GET", base + QStringLiteral("?unread=true"), bob.accessToken)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            0);
        QCOMPARE(test::httpAuth("GET", base, bob.accessToken)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            2);

        // Bad input: typed errors, nothing changes.
        QCOMPARE(
            test::httpAuth("GET", base + QStringLiteral("?unread=maybe"), bob.accessToken).code(),
            QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(test::httpAuth("GET", base + QStringLiteral("?limit=0"), bob.accessToken).code(),
            QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(test::httpAuth("GET", base + QStringLiteral("?cursor=zz"), bob.accessToken).code(),
            QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(test::http("GET", base).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "test_notifications.moc"
