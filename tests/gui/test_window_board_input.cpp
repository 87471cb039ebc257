// The board page used as a person does, against the real embedded server: "+ Add a card" keeps
// the focus and keeps refused or offline titles, drops land exactly where they were dropped (and
// stay there after a reload), Ctrl+Right takes the focus along, a column goes to the front and a
// second window sees it live, Admin → People shows names, e-mails and roles, and people's text is
// never read as HTML.
#include "app/admin/admin_dialog.h"
#include "app/boards/board_view.h"
#include "app/boards/boards_list.h"
#include "app/boards/column_model.h"
#include "app/boards/column_widget.h"
#include "app/boards/open_board.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/gui_world.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowBoardInput : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;

    //! The drag payload of the card at `row` of column `column` (what a drag carries).
    QMimeData *cardMime(int column, int row) const
    {
        QListView *view = m_world->column(column)->cardView();
        return view->model()->mimeData({view->model()->index(row, 0)});
    }

    static QRect rowRect(QListView *view, int row)
    {
        const QModelIndex index = view->model()->index(row, 0);
        (void)QTest::qWaitFor([&] { return view->visualRect(index).isValid(); }, kGuiWait);
        return view->visualRect(index);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
    }

    void addCardKeepsTheFocusAndRefusedTitles()
    {
        ColumnWidget *todo = m_world->column(0);
        QLineEdit *field = todo->addCardField();
        QTest::mouseClick(field, Qt::LeftButton);
        QTest::keyClicks(field, QStringLiteral("A"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0), QStringList {QStringLiteral("A")}, kGuiWait);
        QVERIFY(field->hasFocus()); // the next title goes where the person is typing
        QTest::keyClicks(field, QStringLiteral("B"));
        QTest::keyClick(field, Qt::Key_Return);
        QTest::keyClicks(field, QStringLiteral("C"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(0),
            (QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}),
            kGuiWait);
        QVERIFY(field->hasFocus());

        // Too long: the text stays and the rule is named under the field.
        const QString tooLong(201, QLatin1Char('t'));
        QTest::keyClicks(field, tooLong);
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(todo->addCardError()->isVisible(), kGuiWait);
        QCOMPARE(todo->addCardError()->text(), QStringLiteral("Title: at most 200 characters"));
        QCOMPARE(field->text(), tooLong);
        QCOMPARE(m_world->titles(0).size(), 3);
        field->clear();
    }

    void cardAddedWhileOfflineKeepsTheInput()
    {
        ColumnWidget *doing = m_world->column(1);
        QLineEdit *field = doing->addCardField();
        m_world->session()->stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(m_world->window()->offlineBanner()->isVisible(), kGuiWait);
        QTest::mouseClick(field, Qt::LeftButton);
        QTest::keyClicks(field, QStringLiteral("D"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(doing->addCardError()->isVisible(), kGuiWait);
        QVERIFY(doing->addCardError()->text().contains(QStringLiteral("cannot be reached")));
        QCOMPARE(field->text(), QStringLiteral("D")); // kept, to send again
        QVERIFY(m_world->titles(1).isEmpty());

        m_world->session()->restartServer();
        QTRY_VERIFY_WITH_TIMEOUT(!m_world->window()->offlineBanner()->isVisible(), kGuiWait);
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(1), QStringList {QStringLiteral("D")}, kGuiWait);
        QVERIFY(field->text().isEmpty());
        QVERIFY(!doing->addCardError()->isVisible());
        QVERIFY(m_world->addCards(1, {QStringLiteral("E")}));
    }

    void dropsKeepTheExactPlaceAcrossAReload()
    {
        // To do: A B C; Doing: D E.
        QListView *doing = m_world->column(1)->cardView();
        // A onto the top half of D: above D, the top of the column (it went to the bottom).
        std::unique_ptr<QMimeData> a(cardMime(0, 0));
        const QRect d = rowRect(doing, 0);
        QVERIFY(test::GuiWorld::drop(doing->viewport(), d.topLeft() + QPoint(10, 2), a.get()));
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(1),
            (QStringList {QStringLiteral("A"), QStringLiteral("D"), QStringLiteral("E")}),
            kGuiWait);
        // B onto the top edge of E: between D and E.
        std::unique_ptr<QMimeData> b(cardMime(0, 0));
        const QRect e = rowRect(doing, 2);
        QVERIFY(test::GuiWorld::drop(doing->viewport(), e.topLeft() + QPoint(10, 2), b.get()));
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(1),
            (QStringList {QStringLiteral("A"), QStringLiteral("D"), QStringLiteral("B"),
                QStringLiteral("E")}),
            kGuiWait);
        // C below the last card: the bottom.
        std::unique_ptr<QMimeData> c(cardMime(0, 0));
        const QRect last = rowRect(doing, 3);
        QVERIFY(test::GuiWorld::drop(
            doing->viewport(), QPoint(last.center().x(), last.bottom() + 12), c.get()));
        const QStringList expected {QStringLiteral("A"), QStringLiteral("D"), QStringLiteral("B"),
            QStringLiteral("E"), QStringLiteral("C")};
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(1), expected, kGuiWait);
        QVERIFY(m_world->titles(0).isEmpty());

        // What the server stored, and what F5 shows.
        QTRY_COMPARE_WITH_TIMEOUT(m_world->serverTitles(1), expected, kGuiWait);
        QVERIFY(m_world->reload());
        QCOMPARE(m_world->titles(1), expected);
    }

    void ctrlRightTakesTheFocusWithTheCard()
    {
        QListView *doing = m_world->column(1)->cardView();
        const QRect b = rowRect(doing, 2);
        QTest::mouseClick(doing->viewport(), Qt::LeftButton, {}, b.center());
        QCOMPARE(doing->currentIndex().data().toString(), QStringLiteral("B"));
        QTest::keyClick(doing, Qt::Key_Right, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->titles(2), QStringList {QStringLiteral("B")}, kGuiWait);
        QListView *done = m_world->column(2)->cardView();
        QVERIFY(done->hasFocus());
        QCOMPARE(done->currentIndex().data().toString(), QStringLiteral("B"));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->serverTitles(2), QStringList {QStringLiteral("B")}, kGuiWait);

        // Straight there and back (the second key before the first move is answered): the
        // server ends where the window shows it — B at the top of "Doing", not left in "Done".
        QTest::keyClick(done, Qt::Key_Left, Qt::ControlModifier);
        QVERIFY(doing->hasFocus());
        QTRY_VERIFY_WITH_TIMEOUT(m_world->serverTitles(2).isEmpty(), kGuiWait);
        // The server's event sequence before the two moves: B is in "Doing" now already, so the
        // end state can only be checked once both moves are through (two more events), not by
        // polling for it (that saw the state before the first move and raced the moves).
        const qint64 seqBefore = m_world->serverBoard().value_or(BoardSnapshot {}).board.seq;
        QVERIFY(seqBefore > 0);
        QTest::keyClick(doing, Qt::Key_Right, Qt::ControlModifier);
        QVERIFY(done->hasFocus());
        QTest::keyClick(done, Qt::Key_Left, Qt::ControlModifier);
        const QStringList expected {QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("D"),
            QStringLiteral("E"), QStringLiteral("C")};
        QCOMPARE(m_world->titles(1), expected); // at once, before any answer
        QVERIFY(doing->hasFocus());
        QTRY_VERIFY_WITH_TIMEOUT(
            m_world->serverBoard().value_or(BoardSnapshot {}).board.seq >= seqBefore + 2, kGuiWait);
        QCOMPARE(m_world->serverTitles(1), expected);
        // The window has seen both moves come back (live) and did not move B again.
        QTRY_VERIFY_WITH_TIMEOUT(m_world->board()->seq() >= seqBefore + 2, kGuiWait);
        QCOMPARE(m_world->titles(1), expected);
        QVERIFY(m_world->serverTitles(2).isEmpty());
        QVERIFY(m_world->reload());
        QCOMPARE(m_world->titles(1), expected);
        QVERIFY(m_world->titles(2).isEmpty());
    }

    void columnToTheFrontShowsLiveInASecondWindow()
    {
        // A second window of the same person (another device), on the same board.
        test::Person *device
            = m_world->addPerson(QStringLiteral("Other"), QStringLiteral("o@example.com"));
        QVERIFY(device);
        QVERIFY(m_world->shareBoardWith(*device));
        AppSettings otherSettings(m_world->dataPath(QStringLiteral("second-window.ini")));
        MainWindow second(&otherSettings);
        second.startSession(device->backend.get(), device->account, QString(), false);
        second.show();
        second.openBoard(m_world->board()->boardId());
        QTRY_COMPARE_WITH_TIMEOUT(second.boardView()->columnWidgets().size(), 3, kGuiWait);
        const auto names = [](OpenBoard *board) {
            QStringList out;
            for (int i = 0; i < board->columns()->rowCount(); ++i)
                out << board->columns()->columnAt(i)->name;
            return out;
        };
        QCOMPARE(names(second.currentBoard()),
            (QStringList {
                QStringLiteral("To do"), QStringLiteral("Doing"), QStringLiteral("Done")}));

        // "Done" dropped on the left half of "To do": to the front (the server said 422).
        ColumnModel *columns = m_world->board()->columns();
        std::unique_ptr<QMimeData> mime(columns->mimeData({columns->index(2)}));
        ColumnWidget *first = m_world->column(0);
        QVERIFY(test::GuiWorld::drop(first, QPoint(10, first->height() / 2), mime.get()));
        const QStringList expected {
            QStringLiteral("Done"), QStringLiteral("To do"), QStringLiteral("Doing")};
        QTRY_COMPARE_WITH_TIMEOUT(names(m_world->board()), expected, kGuiWait);
        QTest::qWait(200);
        QVERIFY2(!MessageBox::lastText().contains(QStringLiteral("could not be moved")),
            qPrintable(MessageBox::lastText()));
        // Live in the other window, no reload.
        QTRY_COMPARE_WITH_TIMEOUT(names(second.currentBoard()), expected, kGuiWait);
        QCOMPARE(second.boardView()->columnWidgets().first()->columnId(),
            m_world->board()->columns()->columnAt(0)->id);
        // And stored: the second window closed, F5 in the first shows the same.
        second.endSession();
        second.close();
        m_world->window()->activateWindow();
        QTRY_VERIFY_WITH_TIMEOUT(m_world->window()->isActiveWindow(), kGuiWait);
        QVERIFY(m_world->reload());
        QCOMPARE(names(m_world->board()), expected);
    }

    void adminPeopleShowsNamesEmailsAndRoles()
    {
        MainWindow *window = m_world->window();
        QVERIFY(window->adminAction()->isVisible());
        QTest::mouseClick(
            window->toolbar()->widgetForAction(window->adminAction()), Qt::LeftButton);
        AdminDialog *admin = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((admin = window->findChild<AdminDialog *>()) != nullptr, kGuiWait);
        QTableWidget *people = admin->people();
        QTRY_VERIFY_WITH_TIMEOUT(people->rowCount() >= 2, kGuiWait);
        QHash<QString, int> rowOf;
        for (int row = 0; row < people->rowCount(); ++row)
            rowOf.insert(people->item(row, 1)->text(), row);
        QVERIFY2(rowOf.contains(QStringLiteral("ada@example.com")),
            qPrintable(rowOf.keys().join(QLatin1Char(','))));
        const int ada = rowOf.value(QStringLiteral("ada@example.com"));
        const int other = rowOf.value(QStringLiteral("o@example.com"), -1);
        QVERIFY(other >= 0);
        QCOMPARE(people->item(ada, 0)->text(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(people->item(other, 0)->text(), QStringLiteral("Other"));
        auto role = [people](int row) {
            return qobject_cast<QComboBox *>(people->cellWidget(row, 2))->currentData().toString();
        };
        QCOMPARE(role(ada), QStringLiteral("admin"));
        QCOMPARE(role(other), QStringLiteral("member"));
        admin->close();
    }

    void peoplesTextIsNeverReadAsHtml()
    {
        const QString html = QStringLiteral("<b>x</b><img src=\"file:///etc/passwd\">");
        MainWindow *window = m_world->window();
        window->activateWindow(); // the admin dialog just closed: the person is back in the window
        QTRY_VERIFY_WITH_TIMEOUT(window->isActiveWindow(), kGuiWait);
        QTest::keyClick(window, Qt::Key_B, Qt::ControlModifier); // back to the boards
        QTRY_VERIFY_WITH_TIMEOUT(window->boardsList()->isVisible(), kGuiWait);
        QVERIFY(m_world->createBoard(html));
        QVERIFY(m_world->addCards(0, {html}));
        QLineEdit *newColumn = m_world->view()->findChild<QLineEdit *>(QStringLiteral("addColumn"));
        QTest::keyClicks(newColumn, html);
        QTest::keyClick(newColumn, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->view()->columnWidgets().size(), 4, kGuiWait);
        // A description shown as the card's tool tip.
        const QString cardId = m_world->cardId(0, 0);
        const auto card = m_world->board()->card(cardId);
        QVERIFY(card);
        client::CardPatch patch;
        patch.description = html;
        QVERIFY(awaitCall<Card>([&](QObject *ctx, Callback<Card> done) {
            m_world->backend()->updateCard(ctx, cardId, card->version, patch, done);
        }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!m_world->column(0)
                                      ->cardView()
                                      ->model()
                                      ->index(0, 0)
                                      .data(Qt::ToolTipRole)
                                      .toString()
                                      .isEmpty(),
            kGuiWait);

        int seen = 0;
        for (QWidget *w : QApplication::allWidgets()) {
            if (auto *label = qobject_cast<QLabel *>(w); label && label->text().contains(html)) {
                ++seen;
                QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
            }
            QVERIFY2(!w->toolTip().contains(html), qPrintable(w->objectName())); // escaped, if any
        }
        QVERIFY(seen >= 2); // the board's title and the column's name
        const QString tip
            = m_world->column(0)->cardView()->model()->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(!tip.contains(html) && tip.contains(QStringLiteral("&lt;b&gt;")), qPrintable(tip));
        QCOMPARE(m_world->titles(0), QStringList {html}); // drawn as typed
        QCOMPARE(window->windowTitle(), html + QStringLiteral(" — Corkboard"));
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowBoardInput)
#include "test_window_board_input.moc"
