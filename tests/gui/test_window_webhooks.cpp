// Board ▸ Webhooks… used as a board owner does, against the real embedded server and a local
// receiver: a wrong URL is refused next to the field; a webhook for "card.created" is added (its
// secret shown once, Copy puts it on the clipboard) and stored; adding a card calls the receiver
// and the webhook's recent deliveries say so; the webhook is deleted after a question. On a
// board where Ada is only an editor the action is disabled; made an editor of her own board by
// another owner while the dialog is open, it closes and the action goes grey at once.
#include "app/boards/open_board.h"
#include "app/boards/webhooks_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/gui_world.h"
#include "tests/support/stub_http_server.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

class TestWindowWebhooks : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    std::unique_ptr<test::StubHttpServer> m_receiver;
    QString m_boardId;

    WebhooksDialog *openWebhooks()
    {
        if (!m_world->chooseFromMenuBar({QStringLiteral("Board"), QStringLiteral("Webhooks")}))
            return nullptr;
        WebhooksDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                dialog = m_world->window()->findChild<WebhooksDialog *>();
                return dialog && dialog->isVisible();
            },
            kGuiWait);
        if (dialog)
            (void)QTest::qWaitForWindowActive(dialog);
        return dialog;
    }

    static void close(QDialog *dialog)
    {
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kGuiWait);
    }

    static void clickRow(QTableWidget *table, int row)
    {
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
            table->visualItemRect(table->item(row, 0)).center());
    }

    QList<Webhook> serverHooks() const
    {
        const auto hooks
            = test::awaitCall<QList<Webhook>>([&](QObject *ctx, Callback<QList<Webhook>> done) {
                  m_world->backend()->listWebhooks(ctx, m_boardId, done);
              });
        return hooks.ok() ? *hooks.value : QList<Webhook>();
    }

    QString hookUrl() const { return m_receiver->url() + QStringLiteral("/hooks/corkboard"); }

private Q_SLOTS:
    void initTestCase()
    {
        // The worker (a child process that sends the deliveries) reads its allowlist from the
        // environment: the receiver is on loopback.
        qputenv("CORKBOARD_WEBHOOK_ALLOW", "127.0.0.1/32");
        m_receiver = std::make_unique<test::StubHttpServer>(
            [](const test::StubRequest &) { return test::StubResponse::json(200, "{}"); });
        m_world = std::make_unique<test::GuiWorld>(
            [](Config &c) { c.webhookAllow = QStringList {QStringLiteral("127.0.0.1/32")}; });
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        m_boardId = m_world->board()->boardId();
    }

    void ownerAddsAWebhook()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_world->window()->webhooksAction()->isEnabled(), kGuiWait);
        QPointer<WebhooksDialog> dialog = openWebhooks();
        QVERIFY(dialog);
        QCOMPARE(dialog->hooks()->rowCount(), 0);
        QVERIFY(!dialog->deleteButton()->isEnabled());

        // A URL that is not one: refused next to the field, nothing stored.
        QTest::mouseClick(dialog->urlField(), Qt::LeftButton);
        QTest::keyClicks(dialog->urlField(), QStringLiteral("not a url"));
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorFor(QStringLiteral("url")).isEmpty(), kGuiWait);
        QVERIFY(serverHooks().isEmpty());

        QTest::keyClick(dialog->urlField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog->urlField(), hookUrl());
        // Tick "card.created" (click it, Space).
        QListWidget *events = dialog->eventList();
        const auto found = events->findItems(QStringLiteral("card.created"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        QTest::mouseClick(
            events->viewport(), Qt::LeftButton, {}, events->visualItemRect(found.first()).center());
        QTest::keyClick(events, Qt::Key_Space);
        QCOMPARE(found.first()->checkState(), Qt::Checked);
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(dialog->hooks()->rowCount(), 1, kGuiWait);
        QVERIFY(dialog->errorFor(QStringLiteral("url")).isEmpty());
        QCOMPARE(dialog->hooks()->item(0, 0)->text(), hookUrl());
        QCOMPARE(dialog->hooks()->item(0, 0)->toolTip(), hookUrl());
        QCOMPARE(dialog->hooks()->item(0, 1)->text(), QStringLiteral("card.created"));
        QCOMPARE(dialog->hooks()->item(0, 2)->text(), QStringLiteral("Active"));
        // The secret, once, with Copy.
        const QString secret = dialog->secretLabel()->text();
        QVERIFY(secret.size() >= 16);
        QVERIFY(dialog->secretLabel()->isVisible());
        QTest::mouseClick(dialog->copySecretButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), secret);

        const QList<Webhook> stored = serverHooks();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().url, hookUrl());
        QCOMPARE(stored.first().events, QStringList {QStringLiteral("card.created")});
        close(dialog);
    }

    void deliveriesAreShown()
    {
        QVERIFY(m_world->addCards(0, {QStringLiteral("Venue")}));
        QTRY_VERIFY_WITH_TIMEOUT(m_receiver->count("/hooks/corkboard") >= 1, kGuiWait);
        QPointer<WebhooksDialog> dialog = openWebhooks();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->hooks()->rowCount(), 1, kGuiWait);
        clickRow(dialog->hooks(), 0);
        QVERIFY(dialog->deliveriesButton()->isEnabled());
        // The server records the answer just after the receiver got the call: ask until it has.
        QTableWidget *deliveries = dialog->deliveries();
        QVERIFY(QTest::qWaitFor(
            [&] {
                QTest::mouseClick(dialog->deliveriesButton(), Qt::LeftButton);
                QTest::qWait(100);
                return deliveries->rowCount() >= 1
                    && deliveries->item(0, 2)->text() == QStringLiteral("Delivered");
            },
            kGuiWait));
        QVERIFY(deliveries->isVisible());
        QCOMPARE(deliveries->item(0, 0)->text(), QStringLiteral("HTTP 200"));
        QCOMPARE(deliveries->item(0, 1)->text(), QStringLiteral("card.created"));
        QCOMPARE(deliveries->item(0, 3)->text(), QStringLiteral("1"));
        close(dialog);
    }

    void deleteAfterAQuestion()
    {
        QPointer<WebhooksDialog> dialog = openWebhooks();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->hooks()->rowCount(), 1, kGuiWait);
        clickRow(dialog->hooks(), 0);
        QVERIFY(dialog->deleteButton()->isEnabled());
        MessageBox::setNextAnswer(WebhooksDialog::CancelDelete);
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(hookUrl()));
        QCOMPARE(serverHooks().size(), 1);

        MessageBox::setNextAnswer(WebhooksDialog::ConfirmDelete);
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->hooks()->rowCount(), 0, kGuiWait);
        QVERIFY(serverHooks().isEmpty());
        close(dialog);
    }

    void editorsCannotOpenIt()
    {
        test::Person *bob
            = m_world->addPerson(QStringLiteral("Bob"), QStringLiteral("bob@example.com"));
        QVERIFY(bob);
        const auto board = test::awaitCall<Board>([&](QObject *ctx, Callback<Board> done) {
            bob->backend->createBoard(ctx, QStringLiteral("Bob's board"), done);
        });
        QVERIFY(board.ok());
        const auto shared
            = test::awaitCall<BoardMember>([&](QObject *ctx, Callback<BoardMember> done) {
                  bob->backend->setMemberRole(ctx, board.value->id,
                      m_world->backend()->account()->id, QStringLiteral("editor"), done);
              });
        QVERIFY(shared.ok());
        m_world->window()->openBoard(board.value->id);
        QTRY_VERIFY_WITH_TIMEOUT(m_world->board()->boardId() == board.value->id
                && !m_world->board()->isLoading() && m_world->window()->labelsAction()->isEnabled(),
            kGuiWait);
        QVERIFY(!m_world->window()->webhooksAction()->isEnabled());

        m_world->window()->openBoard(m_boardId);
        QTRY_VERIFY_WITH_TIMEOUT(m_world->window()->webhooksAction()->isEnabled(), kGuiWait);

        // Ada makes Bob an owner of her board; with the webhooks open, Bob makes her an editor:
        // the dialog closes and the action goes grey, live, without a reload.
        const auto owner
            = test::awaitCall<BoardMember>([&](QObject *ctx, Callback<BoardMember> done) {
                  m_world->backend()->setMemberRole(
                      ctx, m_boardId, bob->account.id, QStringLiteral("owner"), done);
              });
        QVERIFY(owner.ok());
        QPointer<WebhooksDialog> dialog = openWebhooks();
        QVERIFY(dialog);
        const auto demoted
            = test::awaitCall<BoardMember>([&](QObject *ctx, Callback<BoardMember> done) {
                  bob->backend->setMemberRole(ctx, m_boardId, m_world->backend()->account()->id,
                      QStringLiteral("editor"), done);
              });
        QVERIFY(demoted.ok());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
        QVERIFY(!m_world->window()->webhooksAction()->isEnabled());
        QVERIFY(m_world->window()->statusBar()->currentMessage().contains(
            QStringLiteral("no longer an owner")));
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowWebhooks)
#include "test_window_webhooks.moc"
