// Editing and deleting what is already on a card, through the card dialog as a person does:
// checklist items edited in place (F2, Enter keeps, Escape takes back — the card stays open) and
// deleted (Delete key, context menu); a refused edit stays and counts as unsaved; your comments
// edited (F2, Ctrl+Enter) and deleted after a question; another member's comment cannot be
// edited, and the board's owner may delete it. Each checked on screen and on the server.
#include "app/boards/column_widget.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/cards/checklist_panel.h"
#include "app/cards/comments_panel.h"
#include "app/cards/text_edit_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/card_dialog_steps.h"
#include "tests/support/gui_world.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowCardEdits : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    QString m_cardId;

    static void clickRow(QListWidget *list, int row)
    {
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, test::rowCenter(list, row));
    }

    //! The in-place editor of a list item, once F2 opened it.
    static QLineEdit *itemEditor(QListWidget *list)
    {
        QLineEdit *editor = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
                return editor && list->isAncestorOf(editor);
            },
            kGuiWait);
        return editor && list->isAncestorOf(editor) ? editor : nullptr;
    }

    //! Every row of the checklist is on the server (typed rows show in italics until then).
    static bool allSaved(QListWidget *list, int count)
    {
        if (list->count() != count)
            return false;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->font().italic()
                || !list->item(i)->flags().testFlag(Qt::ItemIsEditable))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        QVERIFY(m_world->addCards(0, {QStringLiteral("Press release")}));
        m_cardId = m_world->cardId(0, 0);
        QVERIFY(!m_cardId.isEmpty());
    }

    void checklistItemEditedInPlaceAndDeleted()
    {
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Checklist"));
        QLineEdit *input = dialog->checklistField();
        QTest::mouseClick(input, Qt::LeftButton);
        for (const QString &text :
            {QStringLiteral("Draft"), QStringLiteral("Reveiw"), QStringLiteral("Send")}) {
            QTest::keyClicks(input, text);
            QTest::keyClick(input, Qt::Key_Return);
        }
        QListWidget *list = dialog->checklist();
        QCOMPARE(list->count(), 3); // at once, in italics while they are sent
        // One at a time, in the order typed: the server keeps that order.
        QTRY_COMPARE_WITH_TIMEOUT(test::serverChecklist(m_world->backend(), m_cardId),
            (QStringList {
                QStringLiteral("Draft"), QStringLiteral("Reveiw"), QStringLiteral("Send")}),
            kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(allSaved(list, 3), kGuiWait);

        // F2 on the misspelt item, retype, Enter: saved, and the card stays open.
        clickRow(list, 1);
        QTest::keyClick(list, Qt::Key_F2);
        QLineEdit *editor = itemEditor(list);
        QVERIFY(editor);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("Review"));
        QTest::keyClick(editor, Qt::Key_Return);
        const QStringList fixed {
            QStringLiteral("Draft"), QStringLiteral("Review"), QStringLiteral("Send")};
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), fixed, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(test::texts(list), fixed, kGuiWait);
        QVERIFY(dialog && dialog->isVisible());

        // Escape in the item's editor takes the edit back — and only that: the card stays open.
        clickRow(list, 2);
        QTest::keyClick(list, Qt::Key_F2);
        editor = itemEditor(list);
        QVERIFY(editor);
        QTest::keyClicks(editor, QStringLiteral(" later"));
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(
            !list->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == list,
            kGuiWait);
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(test::texts(list), fixed);
        QVERIFY(!dialog->hasUnsavedWork());

        // The Delete key deletes the selected item.
        clickRow(list, 0);
        QTest::keyClick(list, Qt::Key_Delete);
        const QStringList two {QStringLiteral("Review"), QStringLiteral("Send")};
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverChecklist(m_world->backend(), m_cardId), two, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(test::texts(list), two, kGuiWait);
        QVERIFY(dialog->isVisible());

        // So does its context menu.
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            list->viewport(), test::rowCenter(list, 1), {QStringLiteral("Delete")}));
        QTRY_COMPARE_WITH_TIMEOUT(test::serverChecklist(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("Review")}, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            test::texts(list), QStringList {QStringLiteral("Review")}, kGuiWait);
        QVERIFY(test::closeCard(dialog));
    }

    void refusedItemEditStaysAndCountsAsUnsaved()
    {
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Checklist"));
        QListWidget *list = dialog->checklist();
        QTRY_VERIFY_WITH_TIMEOUT(allSaved(list, 1), kGuiWait);
        clickRow(list, 0);
        QTest::keyClick(list, Qt::Key_F2);
        QLineEdit *editor = itemEditor(list);
        QVERIFY(editor);
        const QString tooLong(1001, QLatin1Char('x')); // items hold at most 1,000 characters
        editor->selectAll();
        QTest::keyClicks(editor, tooLong);
        QTest::keyClick(editor, Qt::Key_Return);
        auto *status = dialog->findChild<QLabel *>(QStringLiteral("cardStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(
            status->isVisible() && status->text().startsWith(QStringLiteral("Item not changed")),
            kGuiWait);
        QCOMPARE(list->item(0)->text(), tooLong); // the typed text stays
        QVERIFY(list->item(0)->font().italic());
        QVERIFY(dialog->hasUnsavedWork());
        QCOMPARE(test::serverChecklist(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("Review")});

        // Closing asks; "Discard" closes and the server keeps its text.
        MessageBox::setNextAnswer(CardDetailDialog::DiscardChanges);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("not saved")));
        QCOMPARE(test::serverChecklist(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("Review")});
    }

    void ownCommentEditedAndDeleted()
    {
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Comments"));
        QLineEdit *input = dialog->commentField();
        QTest::mouseClick(input, Qt::LeftButton);
        QTest::keyClicks(input, QStringLiteral("Frist draft is up"));
        QTest::keyClick(input, Qt::Key_Return);
        QListWidget *list = dialog->comments();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, kGuiWait);
        // Who and when, then the text.
        QVERIFY2(list->item(0)->text().startsWith(QStringLiteral("Ada Lovelace · ")),
            qPrintable(list->item(0)->text()));
        QVERIFY(list->item(0)->text().endsWith(QStringLiteral("\nFrist draft is up")));

        // F2 opens the editor with the text; Ctrl+Enter saves.
        clickRow(list, 0);
        QTest::keyClick(list, Qt::Key_F2);
        QPointer<TextEditDialog> editor;
        QTRY_VERIFY_WITH_TIMEOUT(
            (editor = dialog->findChild<TextEditDialog *>()) != nullptr && editor->isVisible(),
            kGuiWait);
        QCOMPARE(editor->editor()->toPlainText(), QStringLiteral("Frist draft is up"));
        QTest::keyClick(editor->editor(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor->editor(), QStringLiteral("First draft is up"));
        QTest::keyClick(editor->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(test::serverComments(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("First draft is up")}, kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(list->count() == 1
                && list->item(0)->text().endsWith(QStringLiteral("\nFirst draft is up")),
            kGuiWait);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("(edited)")));
        QVERIFY(dialog->isVisible());

        // Closing the editor with changed text asks; "Cancel" keeps it, "Discard" drops it.
        clickRow(list, 0);
        QTest::keyClick(list, Qt::Key_F2);
        QTRY_VERIFY_WITH_TIMEOUT(
            (editor = dialog->findChild<TextEditDialog *>()) != nullptr && editor->isVisible(),
            kGuiWait);
        QTest::keyClicks(editor->editor(), QStringLiteral(" (v2)"));
        MessageBox::setNextAnswer(TextEditDialog::KeepEditingText);
        QTest::keyClick(editor->editor(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(
            MessageBox::lastText().contains(QStringLiteral("not saved")), kGuiWait);
        QVERIFY(editor && editor->isVisible());
        QCOMPARE(editor->editor()->toPlainText(), QStringLiteral("First draft is up (v2)"));
        MessageBox::setNextAnswer(TextEditDialog::DiscardText);
        QTest::keyClick(editor->editor(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), kGuiWait);
        QVERIFY(dialog->isVisible()); // Escape closed the editor, not the card
        QCOMPARE(test::serverComments(m_world->backend(), m_cardId),
            QStringList {QStringLiteral("First draft is up")});

        // The Delete key asks, then deletes.
        clickRow(list, 0);
        MessageBox::setNextAnswer(CommentsPanel::ConfirmDelete);
        QTest::keyClick(list, Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverComments(m_world->backend(), m_cardId), QStringList(), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 0, kGuiWait);
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("Delete this comment")));
        QVERIFY(test::closeCard(dialog));
    }

    void othersCommentIsNotYoursToEditButTheOwnerMayDeleteIt()
    {
        test::Person *bo
            = m_world->addPerson(QStringLiteral("Bo"), QStringLiteral("bo@example.com"));
        QVERIFY(bo);
        QVERIFY(m_world->shareBoardWith(*bo));
        const auto posted = awaitCall<Comment>([&](QObject *ctx, Callback<Comment> done) {
            bo->backend->addComment(ctx, m_cardId, QStringLiteral("Bo was here"), {}, done);
        });
        QVERIFY2(posted.ok(), qPrintable(posted.error.message));

        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Comments"));
        QListWidget *list = dialog->comments();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, kGuiWait);
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("Bo · ")));

        // Its context menu offers Delete (Ada owns the board) but not Edit.
        QContextMenuEvent event(QContextMenuEvent::Mouse, test::rowCenter(list, 0),
            list->viewport()->mapToGlobal(test::rowCenter(list, 0)));
        QApplication::sendEvent(list->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr, kGuiWait);
        QStringList entries;
        for (QAction *a : menu->actions())
            entries << a->text().remove(QLatin1Char('&'));
        QCOMPARE(entries, QStringList {QStringLiteral("Delete…")});
        menu->close();
        // F2 opens no editor on it.
        clickRow(list, 0);
        QTest::keyClick(list, Qt::Key_F2);
        QVERIFY(!dialog->findChild<TextEditDialog *>());

        MessageBox::setNextAnswer(CommentsPanel::ConfirmDelete);
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            list->viewport(), test::rowCenter(list, 0), {QStringLiteral("Delete")}));
        QTRY_COMPARE_WITH_TIMEOUT(
            test::serverComments(m_world->backend(), m_cardId), QStringList(), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 0, kGuiWait);
        QVERIFY(test::closeCard(dialog));
    }

    void activityTabTellsThisCardsStoryOnly()
    {
        QVERIFY(m_world->addCards(0, {QStringLiteral("Other card")}));
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        QCOMPARE(dialog->titleField()->text(), QStringLiteral("Press release"));
        test::clickTab(dialog, QStringLiteral("Comments"));
        QTest::mouseClick(dialog->commentField(), Qt::LeftButton);
        QTest::keyClicks(dialog->commentField(), QStringLiteral("Ready for review"));
        QTest::keyClick(dialog->commentField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->comments()->count(), 1, kGuiWait);

        test::clickTab(dialog, QStringLiteral("Activity"));
        auto *activity = dialog->findChild<QListWidget *>(QStringLiteral("cardActivity"));
        QVERIFY(activity && activity->isVisible());
        const auto rows = [activity] {
            QStringList out;
            for (int i = 0; i < activity->count(); ++i) // "<time> — <sentence>"
                out << activity->item(i)->text().section(QStringLiteral(" — "), 1);
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            rows().contains(QStringLiteral("Ada Lovelace commented: “Ready for review”")),
            kGuiWait);
        const QStringList story = rows();
        // The checklist steps of the earlier tests, each named: "Draft" was added, then deleted.
        QVERIFY2(story.contains(QStringLiteral("Ada Lovelace added “Draft” to the checklist")),
            qPrintable(story.join(QLatin1Char('|'))));
        QVERIFY2(story.contains(QStringLiteral("Ada Lovelace removed “Draft” from the checklist")),
            qPrintable(story.join(QLatin1Char('|'))));
        QVERIFY2(story.contains(QStringLiteral("Ada Lovelace changed the checklist item “Review”")),
            qPrintable(story.join(QLatin1Char('|'))));
        // Newest first, and only this card: one "created", and it is the oldest line.
        QCOMPARE(story.count(QStringLiteral("Ada Lovelace created this card")), 1);
        QCOMPARE(story.last(), QStringLiteral("Ada Lovelace created this card"));
        QCOMPARE(story.first(), QStringLiteral("Ada Lovelace commented: “Ready for review”"));
        QVERIFY(test::closeCard(dialog));
    }

    void savedCardEditIsUndoneAndRedoneFromTheWindow()
    {
        const auto undoKeys = [this](Qt::KeyboardModifiers extra) {
            m_world->window()->activateWindow();
            (void)QTest::qWaitForWindowActive(m_world->window());
            QTest::keyClick(m_world->window(), Qt::Key_Z, Qt::ControlModifier | extra);
        };
        QCOMPARE(m_world->titles(0).value(0), QStringLiteral("Press release"));
        // Cy shares the board (a reload: the undo history starts after it).
        test::Person *cy
            = m_world->addPerson(QStringLiteral("Cy"), QStringLiteral("cy@example.com"));
        QVERIFY(cy && m_world->shareBoardWith(*cy));
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->titleField(), Qt::LeftButton);
        QTest::keyClick(dialog->titleField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog->titleField(), QStringLiteral("Press release v2"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->serverTitles(0).value(0), QStringLiteral("Press release v2"), kGuiWait);

        undoKeys({});
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->serverTitles(0).value(0), QStringLiteral("Press release"), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(0).value(0), QStringLiteral("Press release"), kGuiWait);
        undoKeys(Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->serverTitles(0).value(0), QStringLiteral("Press release v2"), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(0).value(0), QStringLiteral("Press release v2"), kGuiWait);

        // Someone else renames it (the window shows it live): undo leaves their title alone.
        const auto detail = awaitCall<CardDetail>([&](QObject *ctx, Callback<CardDetail> done) {
            cy->backend->loadCard(ctx, m_cardId, done);
        });
        QVERIFY(detail.ok());
        client::CardPatch rename;
        rename.title = QStringLiteral("Cy's title");
        const auto renamed = awaitCall<Card>([&](QObject *ctx, Callback<Card> done) {
            cy->backend->updateCard(ctx, m_cardId, detail.value->card.version, rename, done);
        });
        QVERIFY2(renamed.ok(), qPrintable(renamed.error.message));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(0).value(0), QStringLiteral("Cy's title"), kGuiWait);
        undoKeys({});
        QTRY_VERIFY2_WITH_TIMEOUT(m_world->window()->statusBar()->currentMessage().contains(
                                      QStringLiteral("someone else changed the card")),
            qPrintable(m_world->window()->statusBar()->currentMessage() + QStringLiteral(" | ")
                + m_world->window()->undoAction()->text()),
            kGuiWait);
        QCOMPARE(m_world->serverTitles(0).value(0), QStringLiteral("Cy's title"));
        QCOMPARE(m_world->titles(0).value(0), QStringLiteral("Cy's title"));
    }

    void activityTellsMovesAndReachesBackToTheStart()
    {
        // Ctrl+Right takes the card from "To do" to "Doing", as a person does it.
        QListView *todo = m_world->column(0)->cardView();
        QCOMPARE(todo->model()->index(0, 0).data(CardModel::IdRole).toString(), m_cardId);
        QTest::mouseClick(todo->viewport(), Qt::LeftButton, {},
            todo->visualRect(todo->model()->index(0, 0)).center());
        QTest::keyClick(todo, Qt::Key_Right, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(1).size(), 1, kGuiWait);
        // Then more happens to the card than one page of history holds.
        for (int i = 0; i < 60; ++i) {
            const auto added
                = awaitCall<ChecklistItem>([&](QObject *ctx, Callback<ChecklistItem> done) {
                      m_world->backend()->addChecklistItem(
                          ctx, m_cardId, QStringLiteral("Step %1").arg(i), done);
                  });
            QVERIFY2(added.ok(), qPrintable(added.error.message));
        }

        QPointer<CardDetailDialog> dialog = m_world->openCard(1, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Activity"));
        auto *activity = dialog->findChild<QListWidget *>(QStringLiteral("cardActivity"));
        auto *earlier = dialog->findChild<QPushButton *>(QStringLiteral("earlierActivity"));
        QVERIFY(activity && earlier);
        const auto rows = [activity] {
            QStringList out;
            for (int i = 0; i < activity->count(); ++i)
                out << activity->item(i)->text().section(QStringLiteral(" — "), 1);
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(activity->count(), 50, kGuiWait);
        QCOMPARE(rows().first(), QStringLiteral("Ada Lovelace added “Step 59” to the checklist"));
        QCOMPARE(rows().last(), QStringLiteral("Ada Lovelace added “Step 10” to the checklist"));
        QTRY_VERIFY_WITH_TIMEOUT(earlier->isVisible(), kGuiWait);
        while (earlier->isVisible()) {
            const int before = activity->count();
            QTest::mouseClick(earlier, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(activity->count() > before, kGuiWait);
        }
        const QStringList story = rows();
        QVERIFY2(story.contains(QStringLiteral("Ada Lovelace moved this card from To do to Doing")),
            qPrintable(story.join(QLatin1Char('|'))));
        QCOMPARE(story.last(), QStringLiteral("Ada Lovelace created this card"));
        QCOMPARE(story.count(QStringLiteral("Ada Lovelace created this card")), 1);
        QVERIFY(test::closeCard(dialog));
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowCardEdits)
#include "test_window_card_edits.moc"
