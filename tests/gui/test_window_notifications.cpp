// Notifications in the window, end to end: Bo mentions Ada on a card (his own client, the
// embedded server's worker makes the notification); Ada's bell — a bell, not an info icon —
// shows 1 unread, live; clicking it opens the list, whose row says who and when, then what;
// activating the row opens that card, and the notification is read (on screen and on the server).
#include "app/boards/column_widget.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/notifications/notification_model.h"
#include "app/notifications/notifications_panel.h"
#include "app/shell/main_window.h"
#include "tests/support/gui_world.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QStyle>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowNotifications : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        QVERIFY(m_world->addCards(0, {QStringLiteral("Venue"), QStringLiteral("Catering")}));
    }

    void mentionRingsTheBellAndOpensTheCard()
    {
        NotificationBell *bell = m_world->window()->bell();
        QCOMPARE(bell->count(), 0);
        // A drawn bell, not the information icon it used to be.
        QVERIFY(!bell->icon().isNull());
        QVERIFY(bell->icon().pixmap(16).toImage()
            != bell->style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16).toImage());

        test::Person *bo
            = m_world->addPerson(QStringLiteral("Bo Berg"), QStringLiteral("bo@example.com"));
        QVERIFY(bo);
        QVERIFY(m_world->shareBoardWith(*bo));
        const QString cardId = m_world->cardId(0, 1);
        QCOMPARE(m_world->titles(0).value(1), QStringLiteral("Catering"));
        const QString ada = m_world->backend()->account()->id;
        const auto posted = awaitCall<Comment>([&](QObject *ctx, Callback<Comment> done) {
            bo->backend->addComment(
                ctx, cardId, QStringLiteral("@Ada Lovelace menu?"), {ada}, done);
        });
        QVERIFY2(posted.ok(), qPrintable(posted.error.message));

        // Live: the bell counts it without a reload.
        QTRY_COMPARE_WITH_TIMEOUT(bell->count(), 1, kGuiWait);
        QCOMPARE(bell->text(), QStringLiteral("1"));
        QCOMPARE(bell->accessibleName(), QStringLiteral("Notifications, 1 unread"));

        m_world->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_world->window()));
        QTest::mouseClick(bell, Qt::LeftButton);
        auto *dock
            = m_world->window()->findChild<QDockWidget *>(QStringLiteral("notificationsDock"));
        QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible(), kGuiWait);
        QListView *list = m_world->window()->notificationsPanel()->view();
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, kGuiWait);
        const QModelIndex row = list->model()->index(0, 0);
        const QString shown = row.data().toString();
        // "Bo Berg · <time>" then what happened.
        QVERIFY2(shown.startsWith(QStringLiteral("Bo Berg · ")), qPrintable(shown));
        QCOMPARE(shown.section(QLatin1Char('\n'), 1),
            QStringLiteral("You were mentioned on “Catering”"));
        const QString time
            = shown.section(QLatin1Char('\n'), 0, 0).section(QStringLiteral(" · "), 1);
        QVERIFY2(!time.isEmpty() && time.contains(QLatin1Char(':')), qPrintable(time));
        QVERIFY(row.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Unread: ")));

        // Activating the row opens that card.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
        QTest::keyClick(list, Qt::Key_Return);
        QPointer<CardDetailDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_world->window()->findChild<CardDetailDialog *>()) != nullptr
                && dialog->isVisible(),
            kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->titleField()->text(), QStringLiteral("Catering"), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(bell->count(), 0, kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto all = awaitCall<QList<Notification>>(
                    [&](QObject *ctx, Callback<QList<Notification>> done) {
                        m_world->backend()->listNotifications(ctx, done);
                    });
                return all.ok() && all.value->size() == 1 && all.value->first().read;
            }(),
            kGuiWait);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowNotifications)
#include "test_window_notifications.moc"
