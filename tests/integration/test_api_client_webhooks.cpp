// WebhooksApi against the real server on loopback: an owner creates a board's webhook (the
// secret comes back once), lists it (without the secret), reads its (empty) delivery log and
// deletes it; a refused target answers 422 naming the url field; an editor is refused.
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/webhooks_api.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

class TestApiClientWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownerCreatesListsAndDeletes()
    {
        TestServer server([](Config &c) { c.openRegistration = true; });
        ApiClient ada(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        QVERIFY(waitFor(AuthApi(ada).registerAccount(QStringLiteral("ada@example.com"),
                            QStringLiteral("correct horse battery"), QStringLiteral("Ada")))
                    .isOk());
        ApiClient bo(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto boUser = waitFor(AuthApi(bo).registerAccount(QStringLiteral("bo@example.com"),
            QStringLiteral("correct horse battery"), QStringLiteral("Bo")));
        QVERIFY(boUser.isOk());
        BoardsApi boards(ada);
        const auto board = waitFor(boards.createBoard(QStringLiteral("Launch")));
        QVERIFY2(board.isOk(), qPrintable(why(board)));
        const QString boardId = board.value().board.id;
        QVERIFY(
            waitFor(boards.setMember(boardId, boUser.value().id, QStringLiteral("editor"))).isOk());

        WebhooksApi hooks(ada);
        const auto created = waitFor(
            hooks.createWebhook(boardId, QStringLiteral("https://hooks.example.com/corkboard"),
                {QStringLiteral("card.created"), QStringLiteral("card.moved")}));
        QVERIFY2(created.isOk(), qPrintable(why(created)));
        const Webhook hook = created.value();
        QVERIFY(!hook.id.isEmpty());
        QCOMPARE(hook.boardId, boardId);
        QCOMPARE(hook.url, QStringLiteral("https://hooks.example.com/corkboard"));
        QCOMPARE(hook.events,
            (QStringList {QStringLiteral("card.created"), QStringLiteral("card.moved")}));
        QVERIFY(hook.secret.size() >= 16); // generated, shown once
        QVERIFY(hook.createdAt.isValid());
        QVERIFY(!hook.paused);

        const auto listed = waitFor(hooks.webhooks(boardId));
        QVERIFY2(listed.isOk(), qPrintable(why(listed)));
        QCOMPARE(listed.value().size(), 1);
        QCOMPARE(listed.value().first().id, hook.id);
        QVERIFY(listed.value().first().secret.isEmpty()); // never again

        const auto deliveries = waitFor(hooks.deliveries(hook.id));
        QVERIFY2(deliveries.isOk(), qPrintable(why(deliveries)));
        QVERIFY(deliveries.value().items.isEmpty());

        // A loopback target is refused at once, naming the field.
        const auto loopback
            = waitFor(hooks.createWebhook(boardId, QStringLiteral("http://127.0.0.1:9/x")));
        QVERIFY(!loopback.isOk());
        QCOMPARE(loopback.error().status, 422);
        QVERIFY(!loopback.error().errorsFor(QStringLiteral("url")).isEmpty());

        // Webhooks belong to the board's owners: an editor neither sees nor makes them.
        WebhooksApi boHooks(bo);
        const auto foreign = waitFor(boHooks.webhooks(boardId));
        QVERIFY(!foreign.isOk());
        QVERIFY(foreign.error().status == 403 || foreign.error().status == 404);

        QVERIFY2(waitFor(hooks.deleteWebhook(hook.id)).isOk(), "delete");
        QCOMPARE(waitFor(hooks.webhooks(boardId)).value().size(), 0);
        const auto again = waitFor(hooks.deleteWebhook(hook.id));
        QVERIFY(!again.isOk());
        QCOMPARE(again.error().status, 404);
    }
};

QTEST_GUILESS_MAIN(TestApiClientWebhooks)
#include "test_api_client_webhooks.moc"
