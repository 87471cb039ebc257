// NotificationsApi against the real server on loopback: the list decodes into Notification
// (kind, actor, details, read state), mark-read and read-all change what the server keeps, and
// someone else's notification is 404. Rows are written into the real SQLite file as the worker
// would write them (the worker itself is covered by test_notifications).
#include "shared/client/auth_api.h"
#include "shared/client/notifications_api.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

class TestApiClientNotifications : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    void insert(const QString &id, const QString &userId, const QString &kind,
        const QString &createdAt, const QString &data)
    {
        const QString name = QStringLiteral("notification-writer");
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_server->config().databaseUrl.mid(7)); // after "sqlite:"
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "INSERT INTO notifications (id, user_id, kind, dedupe_key, board_id, card_id, "
                "actor_id, data, created_at) VALUES (?, ?, ?, ?, 'b1', 'c1', ?, ?, ?)"));
            for (const QString &v : {id, userId, kind, id, userId, data, createdAt})
                q.addBindValue(v);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

private Q_SLOTS:
    void listMarkReadAndReadAll()
    {
        m_server = std::make_unique<TestServer>([](Config &c) { c.openRegistration = true; });
        ApiClient ada(
            QUrl(m_server->url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto me = waitFor(AuthApi(ada).registerAccount(QStringLiteral("ada@example.com"),
            QStringLiteral("correct horse battery"), QStringLiteral("Ada")));
        QVERIFY2(me.isOk(), qPrintable(why(me)));
        ApiClient bo(
            QUrl(m_server->url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto other = waitFor(AuthApi(bo).registerAccount(QStringLiteral("bo@example.com"),
            QStringLiteral("correct horse battery"), QStringLiteral("Bo")));
        QVERIFY2(other.isOk(), qPrintable(why(other)));

        insert(QStringLiteral("n1"), me.value().id, QStringLiteral("assigned"),
            QStringLiteral("2026-01-01T10:00:00Z"), QStringLiteral(R"({"card_title":"Venue"})"));
        insert(QStringLiteral("n2"), me.value().id, QStringLiteral("mentioned"),
            QStringLiteral("2026-01-02T10:00:00Z"), QStringLiteral(R"({"excerpt":"hi @Ada"})"));
        insert(QStringLiteral("n3"), other.value().id, QStringLiteral("assigned"),
            QStringLiteral("2026-01-02T11:00:00Z"), QStringLiteral("{}"));

        NotificationsApi api(ada);
        const auto list = waitFor(api.notifications());
        QVERIFY2(list.isOk(), qPrintable(why(list)));
        QCOMPARE(list.value().items.size(), 2); // only mine, newest first
        const Notification newest = list.value().items.first();
        QCOMPARE(newest.id, QStringLiteral("n2"));
        QCOMPARE(newest.kind, QStringLiteral("mentioned"));
        QCOMPARE(newest.actorId, me.value().id);
        QCOMPARE(newest.boardId, QStringLiteral("b1"));
        QCOMPARE(newest.cardId, QStringLiteral("c1"));
        QCOMPARE(
            newest.data.value(QStringLiteral("excerpt")).toString(), QStringLiteral("hi @Ada"));
        QCOMPARE(newest.createdAt, QDateTime(QDate(2026, 1, 2), QTime(10, 0), Qt::UTC));
        QVERIFY(!newest.read);

        const auto read = waitFor(api.markRead(QStringLiteral("n1")));
        QVERIFY2(read.isOk(), qPrintable(why(read)));
        QVERIFY(read.value().read);
        QVERIFY(read.value().readAt.isValid());
        const auto unread = waitFor(api.notifications({}, true));
        QVERIFY(unread.isOk());
        QCOMPARE(unread.value().items.size(), 1);
        QCOMPARE(unread.value().items.first().id, QStringLiteral("n2"));

        const auto foreign = waitFor(api.markRead(QStringLiteral("n3")));
        QVERIFY(!foreign.isOk());
        QCOMPARE(foreign.error().status, 404);

        const auto all = waitFor(api.markAllRead());
        QVERIFY2(all.isOk(), qPrintable(why(all)));
        QCOMPARE(all.value(), 1);
        QCOMPARE(waitFor(api.notifications({}, true)).value().items.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestApiClientNotifications)
#include "test_api_client_notifications.moc"
