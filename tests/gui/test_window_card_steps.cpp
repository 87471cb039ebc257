// Steps on what a card holds, as a person takes them in the window: checklist items reordered
// with Alt+Up / Alt+Down and the context menu (shown at once, kept by the server), and edits of a
// checklist item and of a comment undone and redone with Ctrl+Z / Ctrl+Shift+Z from the main
// window — also after F5 reloaded the board, and never over someone else's later edit.
#include "app/boards/column_widget.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/cards/text_edit_dialog.h"
#include "app/shell/main_window.h"
#include "tests/support/card_dialog_steps.h"
#include "tests/support/gui_world.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowCardSteps : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    QString m_cardId;

    void undoKeys(Qt::KeyboardModifiers extra)
    {
        m_world->window()->activateWindow();
        (void)QTest::qWaitForWindowActive(m_world->window());
        QTest::keyClick(m_world->window(), Qt::Key_Z, Qt::ControlModifier | extra);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Trip")));
        QVERIFY(m_world->addCards(0, {QStringLiteral("Packing")}));
        m_cardId = m_world->cardId(0, 0);
        QVERIFY(!m_cardId.isEmpty());
    }

    void checklistItemsAreReorderedByKeyAndMenu()
    {
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        // Choosing the tab puts the typing where the new item goes: type, Enter, three times,
        // and the card stays open (Enter on the tab bar would save and close it).
        test::clickTab(dialog, QStringLiteral("Checklist"));
        QLineEdit *input = dialog->checklistField();
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::focusWidget() == input, kGuiWait);
        for (const QString &text :
            {QStringLiteral("Pack"), QStringLiteral("Book"), QStringLiteral("Go")}) {
            QTest::keyClicks(QApplication::focusWidget(), text);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        }
        QVERIFY(dialog && dialog->isVisible());
        QListWidget *list = dialog->checklist();
        const QStringList typed {
            QStringLiteral("Pack"), QStringLiteral("Book"), QStringLiteral("Go")};
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), typed, kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            list->count() == 3 && list->item(2)->flags().testFlag(Qt::ItemIsEditable), kGuiWait);

        // "Go" up one with Alt+Up: the list shows it at once, the server keeps it.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, test::rowCenter(list, 2));
        QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
        const QStringList up {QStringLiteral("Pack"), QStringLiteral("Go"), QStringLiteral("Book")};
        QCOMPARE(test::texts(list), up);
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), up, kGuiWait);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Go"));
        // Alt+Up again: to the top (after no item).
        QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
        const QStringList top {
            QStringLiteral("Go"), QStringLiteral("Pack"), QStringLiteral("Book")};
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), top, kGuiWait);
        // "Move down" from the first item's context menu.
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            list->viewport(), test::rowCenter(list, 0), {QStringLiteral("Move down")}));
        const QStringList down {
            QStringLiteral("Pack"), QStringLiteral("Go"), QStringLiteral("Book")};
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), down, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(test::texts(list), down, kGuiWait);
        // Alt+Down on the last item does nothing.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, test::rowCenter(list, 2));
        QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(test::texts(list), down);
        QVERIFY(dialog->isVisible());
        QVERIFY(test::closeCard(dialog));
        // Opened again: the order the server keeps.
        dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(test::texts(dialog->checklist()), down, kGuiWait);
        QVERIFY(test::closeCard(dialog));
    }

    void checklistAndCommentEditsAreUndoneFromTheWindow()
    {
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Checklist"));
        QListWidget *list = dialog->checklist();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 3, kGuiWait);
        // F2 on "Book", retype, Enter.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, test::rowCenter(list, 2));
        QTest::keyClick(list, Qt::Key_F2);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget()))
                && list->isAncestorOf(editor),
            kGuiWait);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("Book the hotel"));
        QTest::keyClick(editor, Qt::Key_Return);
        const QStringList edited {
            QStringLiteral("Pack"), QStringLiteral("Go"), QStringLiteral("Book the hotel")};
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), edited, kGuiWait);

        // A comment, then edited (F2, Ctrl+Enter).
        test::clickTab(dialog, QStringLiteral("Comments"));
        QTest::mouseClick(dialog->commentField(), Qt::LeftButton);
        QTest::keyClicks(dialog->commentField(), QStringLiteral("Bring snacks"));
        QTest::keyClick(dialog->commentField(), Qt::Key_Return);
        QListWidget *comments = dialog->comments();
        QTRY_COMPARE_WITH_TIMEOUT(comments->count(), 1, kGuiWait);
        QTest::mouseClick(comments->viewport(), Qt::LeftButton, {}, test::rowCenter(comments, 0));
        QTest::keyClick(comments, Qt::Key_F2);
        QPointer<TextEditDialog> text;
        QTRY_VERIFY_WITH_TIMEOUT(
            (text = dialog->findChild<TextEditDialog *>()) != nullptr && text->isVisible(),
            kGuiWait);
        QTest::keyClick(text->editor(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(text->editor(), QStringLiteral("Bring snacks and water"));
        QTest::keyClick(text->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(test::serverComments(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("Bring snacks and water")}, kGuiWait);
        QVERIFY(test::closeCard(dialog));

        // F5 reloads the same board: the undo history stays.
        QVERIFY(m_world->reload());
        QAction *undo = m_world->window()->undoAction();
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(QStringLiteral("Edit comment")), qPrintable(undo->text()));

        // Ctrl+Z: the comment's text back; again: the item's text back. Ctrl+Shift+Z redoes.
        undoKeys({});
        QTRY_COMPARE_WITH_TIMEOUT(test::serverComments(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("Bring snacks")}, kGuiWait);
        undoKeys({});
        QTRY_COMPARE_WITH_TIMEOUT(test::serverChecklist(m_world->backend(), m_cardId),
            (QStringList {QStringLiteral("Pack"), QStringLiteral("Go"), QStringLiteral("Book")}),
            kGuiWait);
        undoKeys(Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), edited, kGuiWait);

        // Someone else's later edit is never overwritten: Ada edits the comment from another
        // device, then Ctrl+Shift+Z (redo the comment edit) is refused with a message.
        const auto current
            = awaitCall<QList<Comment>>([&](QObject *ctx, Callback<QList<Comment>> done) {
                  m_world->backend()->listComments(ctx, m_cardId, done);
              });
        QVERIFY(current.ok() && current.value->size() == 1);
        QVERIFY(awaitCall<Comment>([&](QObject *ctx, Callback<Comment> done) {
            m_world->backend()->editComment(
                ctx, current.value->first().id, QStringLiteral("Snacks: done"), done);
        }).ok());
        undoKeys(Qt::ShiftModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(m_world->window()->statusBar()->currentMessage().contains(
                                      QStringLiteral("someone else changed the text")),
            qPrintable(m_world->window()->statusBar()->currentMessage()), kGuiWait);
        QCOMPARE(test::serverComments(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("Snacks: done")});
    }

    void tileFollowsChecklistAndCommentsOfOthersLive()
    {
        test::Person *bo
            = m_world->addPerson(QStringLiteral("Bo"), QStringLiteral("bo@example.com"));
        QVERIFY(bo && m_world->shareBoardWith(*bo));
        QListView *todo = m_world->column(0)->cardView();
        const auto tile
            = [todo](int role) { return todo->model()->index(0, 0).data(role).toInt(); };
        const int items = tile(CardModel::ChecklistTotalRole);
        const int comments = tile(CardModel::CommentCountRole);
        QCOMPARE(items, 3);
        // Bo, in his own window, adds an item and ticks it, and comments twice: Ada's tile
        // follows without a reload.
        const auto added
            = awaitCall<ChecklistItem>([&](QObject *ctx, Callback<ChecklistItem> done) {
                  bo->backend->addChecklistItem(ctx, m_cardId, QStringLiteral("Tickets"), done);
              });
        QVERIFY(added.ok());
        QTRY_COMPARE_WITH_TIMEOUT(tile(CardModel::ChecklistTotalRole), items + 1, kGuiWait);
        QVERIFY(awaitCall<ChecklistItem>([&](QObject *ctx, Callback<ChecklistItem> done) {
            bo->backend->setChecklistItemDone(ctx, added.value->id, true, done);
        }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(tile(CardModel::ChecklistDoneRole), 1, kGuiWait);
        QList<Comment> posted;
        for (const QString &text : {QStringLiteral("Booked"), QStringLiteral("Paid")}) {
            const auto c = awaitCall<Comment>([&](QObject *ctx, Callback<Comment> done) {
                bo->backend->addComment(ctx, m_cardId, text, {}, done);
            });
            QVERIFY(c.ok());
            posted << *c.value;
        }
        QTRY_COMPARE_WITH_TIMEOUT(tile(CardModel::CommentCountRole), comments + 2, kGuiWait);
        QVERIFY(awaitCall<Nothing>([&](QObject *ctx, Callback<Nothing> done) {
            bo->backend->deleteComment(ctx, posted.first().id, done);
        }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(tile(CardModel::CommentCountRole), comments + 1, kGuiWait);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowCardSteps)
#include "test_window_card_steps.moc"
