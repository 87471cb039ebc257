// The board's actions through the window's own menus and keys, each one undone and redone with
// Ctrl+Z / Ctrl+Shift+Z: Delete archives a card (and the archive view restores it), a drag is
// undone, "Move to" from the card's context menu, a column renamed and given a WIP limit from its
// header's menu, a column deleted after a question that names how many cards it holds (and
// brought back with its cards), a card deleted with Shift+Delete (brought back, then deleted for
// good when the history goes).
#include "app/boards/board_commands.h"
#include "app/boards/board_view.h"
#include "app/boards/boards_list.h"
#include "app/boards/column_model.h"
#include "app/boards/column_widget.h"
#include "app/boards/open_board.h"
#include "app/cards/card_model.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/gui_world.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDialog>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

class TestWindowBoardActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;

    QRect rowRect(int column, int row) const
    {
        QListView *view = m_world->column(column)->cardView();
        const QModelIndex index = view->model()->index(row, 0);
        (void)QTest::qWaitFor([&] { return view->visualRect(index).isValid(); }, kGuiWait);
        return view->visualRect(index);
    }

    void select(int column, int row)
    {
        QListView *view = m_world->column(column)->cardView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowRect(column, row).center());
    }

    //! The window is where the person is (a dialog may just have closed): shortcuts need it.
    void activate()
    {
        m_world->window()->activateWindow();
        (void)QTest::qWaitForWindowActive(m_world->window());
    }
    void undo()
    {
        activate();
        QTest::keyClick(m_world->window(), Qt::Key_Z, Qt::ControlModifier);
    }
    void redo()
    {
        activate();
        QTest::keyClick(m_world->window(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    }

    //! Board ▸ Archived cards…, as the menu opens it; null when it did not open.
    QDialog *openArchive()
    {
        m_world->window()->archiveViewAction()->trigger();
        QDialog *archive = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                archive = m_world->window()->findChild<QDialog *>(QStringLiteral("archive"));
                return archive != nullptr;
            },
            kGuiWait);
        return archive;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        // A new account has no boards: the page says how to make one instead of an empty list.
        BoardsList *boards = m_world->window()->boardsList();
        QTRY_VERIFY_WITH_TIMEOUT(boards->emptyHint()->isVisibleTo(boards), kGuiWait);
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        QVERIFY(!boards->emptyHint()->isVisibleTo(boards));
        QVERIFY(m_world->addCards(
            0, {QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Speakers")}));
        // Typed one after another: in that order, on screen and on the server.
        const QStringList all {
            QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Speakers")};
        QCOMPARE(m_world->titles(0), all);
        QCOMPARE(m_world->serverTitles(0), all);
    }

    void deleteKeyArchivesAndUndoBringsItBack()
    {
        const QStringList all {
            QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Speakers")};
        select(0, 1);
        QCOMPARE(m_world->column(0)->cardView()->currentIndex().data().toString(),
            QStringLiteral("Catering"));
        QTest::keyClick(m_world->column(0)->cardView(), Qt::Key_Delete);
        const QStringList without {QStringLiteral("Venue"), QStringLiteral("Speakers")};
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0), without, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), without, kGuiWait);

        undo();
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0), all, kGuiWait); // back in its place
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), all, kGuiWait);
        redo();
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), without, kGuiWait);

        // The archive view lists it and "Restore" brings it back.
        QDialog *archive = openArchive();
        QVERIFY(archive);
        auto *list = archive->findChild<QListWidget *>(QStringLiteral("archivedCards"));
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, kGuiWait);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Catering"));
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QTest::mouseClick(
            archive->findChild<QPushButton *>(QStringLiteral("restoreCard")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0), all, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), all, kGuiWait);
        archive->close();
    }

    void dragThenUndoPutsTheCardBack()
    {
        QListView *doing = m_world->column(1)->cardView();
        QListView *todo = m_world->column(0)->cardView();
        std::unique_ptr<QMimeData> mime(todo->model()->mimeData({todo->model()->index(0, 0)}));
        QVERIFY(test::GuiWorld::drop(doing->viewport(), QPoint(20, 20), mime.get()));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(1), QStringList {QStringLiteral("Venue")}, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->serverTitles(1), QStringList {QStringLiteral("Venue")}, kGuiWait);
        undo();
        const QStringList all {
            QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Speakers")};
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0), all, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), all, kGuiWait);
        QVERIFY(m_world->titles(1).isEmpty());
    }

    void moveToFromTheCardsMenu()
    {
        QListView *todo = m_world->column(0)->cardView();
        QVERIFY(test::GuiWorld::chooseFromContextMenu(todo->viewport(), rowRect(0, 2).center(),
            {QStringLiteral("Move to"), QStringLiteral("Bottom of “Done”")}));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(2), QStringList {QStringLiteral("Speakers")}, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->serverTitles(2), QStringList {QStringLiteral("Speakers")}, kGuiWait);
        QVERIFY(m_world->column(2)->cardView()->hasFocus()); // the focus went along
    }

    void renameAndWipLimitFromTheColumnsMenu()
    {
        ColumnWidget *doing = m_world->column(1);
        QWidget *header = doing->countLabel()->parentWidget();
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            header, QPoint(5, 5), {QStringLiteral("Rename")}));
        QInputDialog *input = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (input = doing->findChild<QInputDialog *>(QStringLiteral("renameColumn"))) != nullptr,
            kGuiWait);
        input->setTextValue(QStringLiteral("In progress"));
        input->accept();
        const auto names = [this] {
            QStringList out;
            ColumnModel *columns = m_world->board()->columns();
            for (int i = 0; i < columns->rowCount(); ++i)
                out << columns->columnAt(i)->name;
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(names().at(1), QStringLiteral("In progress"), kGuiWait);
        undo();
        QTRY_COMPARE_WITH_TIMEOUT(names().at(1), QStringLiteral("Doing"), kGuiWait);
        redo();
        QTRY_COMPARE_WITH_TIMEOUT(names().at(1), QStringLiteral("In progress"), kGuiWait);
        activate();
        QVERIFY(m_world->reload()); // the server kept the name
        QCOMPARE(names().at(1), QStringLiteral("In progress"));

        doing = m_world->column(1);
        header = doing->countLabel()->parentWidget();
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            header, QPoint(5, 5), {QStringLiteral("WIP limit")}));
        QTRY_VERIFY_WITH_TIMEOUT(
            (input = doing->findChild<QInputDialog *>(QStringLiteral("wipLimit"))) != nullptr,
            kGuiWait);
        input->setIntValue(2);
        input->accept();
        QTRY_COMPARE_WITH_TIMEOUT(doing->countLabel()->text(), QStringLiteral("0 / 2"), kGuiWait);
    }

    void deletingAColumnNamesItsCards()
    {
        // "To do" holds Venue, Catering and Budget; they move to its neighbour when it goes.
        QVERIFY(m_world->addCards(0, {QStringLiteral("Budget")}));
        QCOMPARE(m_world->titles(0).size(), 3);
        QWidget *header = m_world->column(0)->countLabel()->parentWidget();
        MessageBox::setNextAnswer(BoardCommands::CancelDelete);
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            header, QPoint(5, 5), {QStringLiteral("Delete")}));
        QTRY_VERIFY_WITH_TIMEOUT(
            MessageBox::lastText().contains(QStringLiteral("3 card")), kGuiWait);
        QTest::qWait(100);
        QCOMPARE(m_world->view()->columnWidgets().size(), 3); // cancelled

        header = m_world->column(0)->countLabel()->parentWidget();
        MessageBox::setNextAnswer(BoardCommands::ConfirmDelete);
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            header, QPoint(5, 5), {QStringLiteral("Delete")}));
        QTRY_COMPARE_WITH_TIMEOUT(m_world->view()->columnWidgets().size(), 2, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0),
            (QStringList {
                QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Budget")}),
            kGuiWait);
        activate();
        QVERIFY(m_world->reload());
        QCOMPARE(m_world->view()->columnWidgets().size(), 2);
        QCOMPARE(m_world->serverTitles(0),
            (QStringList {
                QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Budget")}));

        // Undo makes the column again, in its place, and moves its cards back; redo deletes it.
        undo();
        const auto columnNames = [this] {
            QStringList out;
            ColumnModel *columns = m_world->board()->columns();
            for (int i = 0; i < columns->rowCount(); ++i)
                out << columns->columnAt(i)->name;
            return out;
        };
        // The live event may show the new column at the end first; then it goes to its place.
        QTRY_COMPARE_WITH_TIMEOUT(columnNames(),
            (QStringList {
                QStringLiteral("To do"), QStringLiteral("In progress"), QStringLiteral("Done")}),
            kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0),
            (QStringList {
                QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Budget")}),
            kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(m_world->titles(1).isEmpty(), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0),
            (QStringList {
                QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Budget")}),
            kGuiWait);
        QVERIFY(m_world->reload());
        QCOMPARE(m_world->board()->columns()->columnAt(0)->name, QStringLiteral("To do"));
        QCOMPARE(m_world->serverTitles(0),
            (QStringList {
                QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Budget")}));
        QVERIFY(m_world->serverTitles(1).isEmpty());
        redo();
        QTRY_COMPARE_WITH_TIMEOUT(m_world->view()->columnWidgets().size(), 2, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0),
            (QStringList {
                QStringLiteral("Venue"), QStringLiteral("Catering"), QStringLiteral("Budget")}),
            kGuiWait);
    }

    void shiftDeleteTakesTheCardAwayUndoably()
    {
        const QStringList all = m_world->titles(0);
        QVERIFY(all.size() >= 2);
        const QString gone = all.at(1);
        QStringList without = all;
        without.removeAt(1);
        select(0, 1);
        QTest::keyClick(m_world->column(0)->cardView(), Qt::Key_Delete, Qt::ShiftModifier);
        // No question: the card leaves the board for everyone at once, and the window says how
        // to bring it back.
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0), without, kGuiWait);
        QVERIFY(m_world->window()->statusBar()->currentMessage().contains(QStringLiteral("Undo")));
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), without, kGuiWait);
        undo();
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0), all, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), all, kGuiWait);
        redo();
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0), without, kGuiWait);
        // Deleted is not archived: the archive view does not offer it.
        QDialog *archive = openArchive();
        QVERIFY(archive);
        auto *list = archive->findChild<QListWidget *>(QStringLiteral("archivedCards"));
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, kGuiWait);
        QCOMPARE(list->item(0)->text(), QStringLiteral("No archived cards on this board."));
        archive->close();

        // When the history goes (here: as the window would before signing out or quitting), the
        // card is deleted for good: not on the board, not in the archive, nothing to undo.
        bool finished = false;
        m_world->window()->finishPendingWork([&finished] { finished = true; });
        QTRY_VERIFY_WITH_TIMEOUT(finished, kGuiWait);
        QVERIFY(!m_world->window()->boardCommands()->stack()->canUndo());
        const auto archived
            = test::awaitCall<QList<Card>>([&](QObject *ctx, Callback<QList<Card>> done) {
                  m_world->backend()->archivedCards(ctx, m_world->board()->boardId(), done);
              });
        QVERIFY(archived.ok());
        for (const Card &c : *archived.value)
            QVERIFY2(c.title != gone, qPrintable(c.title));
        QCOMPARE(m_world->serverTitles(0), without);
    }

    void copyCardIdFromTheCardsMenu()
    {
        QListView *view = nullptr;
        int column = 0;
        for (; column < 3 && !view; ++column) {
            if (m_world->column(column) && m_world->column(column)->cardView()->model()->rowCount())
                view = m_world->column(column)->cardView();
        }
        QVERIFY(view);
        const QString id = view->model()->index(0, 0).data(CardModel::IdRole).toString();
        QGuiApplication::clipboard()->clear();
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            view->viewport(), rowRect(column - 1, 0).center(), {QStringLiteral("Copy card ID")}));
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::clipboard()->text(), id, kGuiWait);
    }

    void addingACardAtTheTopByShiftEnterAndMenu()
    {
        const QStringList before = m_world->titles(0);
        QVERIFY(!before.isEmpty());
        QLineEdit *field = m_world->column(0)->addCardField();
        QTest::mouseClick(field, Qt::LeftButton);
        QTest::keyClicks(field, QStringLiteral("First things"));
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(0).value(0), QStringLiteral("First things"), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0),
            QStringList {QStringLiteral("First things")} + before, kGuiWait);
        // Plain Enter still adds at the bottom.
        QTest::keyClicks(field, QStringLiteral("Last things"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(0).value(before.size() + 1),
            QStringLiteral("Last things"), kGuiWait);
        // The column's menu asks for a title and puts it on top.
        QWidget *header = m_world->column(0)->countLabel()->parentWidget();
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            header, QPoint(5, 5), {QStringLiteral("Add a card at the top")}));
        QInputDialog *input = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (input = m_world->column(0)->findChild<QInputDialog *>(QStringLiteral("addCardAtTop")))
                != nullptr,
            kGuiWait);
        input->setTextValue(QStringLiteral("Very first"));
        input->accept();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->serverTitles(0).value(0), QStringLiteral("Very first"), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(0).value(0), QStringLiteral("Very first"), kGuiWait);
    }

    void deletingTheBoardAsksFirst()
    {
        const QString boardId = m_world->board()->boardId();
        m_world->window()->showBoards();
        BoardsList *boards = m_world->window()->boardsList();
        QTRY_VERIFY_WITH_TIMEOUT(boards->model()->rowCount() == 1, kGuiWait);
        QListView *list = boards->view();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
            list->visualRect(list->model()->index(0, 0)).center());
        auto *remove = boards->findChild<QPushButton *>(QStringLiteral("deleteBoard"));
        QVERIFY(remove);
        MessageBox::setNextAnswer(BoardsList::CancelDelete);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            MessageBox::lastText().contains(QStringLiteral("Launch plan")), kGuiWait);
        QTest::qWait(200);
        QCOMPARE(boards->model()->rowCount(), 1); // cancelled: still there

        MessageBox::setNextAnswer(BoardsList::ConfirmDelete);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(boards->model()->rowCount(), 0, kGuiWait);
        QVERIFY(boards->emptyHint()->isVisibleTo(boards)); // the last board went
        const auto left
            = test::awaitCall<QList<Board>>([&](QObject *ctx, Callback<QList<Board>> done) {
                  m_world->backend()->listBoards(ctx, done);
              });
        QVERIFY(left.ok());
        for (const Board &b : *left.value)
            QVERIFY(b.id != boardId);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowBoardActions)
#include "test_window_board_actions.moc"
