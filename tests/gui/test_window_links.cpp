// "Copy link" on a card and File ▸ Open link (Ctrl+L), as a person uses them: the link on the
// clipboard, pasted into the window while another board is showing, opens that board and the
// card's dialog; a link for another server says so and opens nothing; text that is no link is
// refused next to nothing else changing. A link that arrives from a second start (the desktop's
// URL handler) before the sign-in opens once signed in.
#include "app/boards/column_widget.h"
#include "app/boards/open_board.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/shell/card_link.h"
#include "app/shell/desktop_session.h"
#include "app/shell/main_window.h"
#include "tests/support/gui_world.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QStatusBar>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

class TestWindowLinks : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    QString m_boardId;
    QString m_cardId;

    //! Ctrl+L, types `text` into the dialog as a person does, Enter.
    void openLinkByKeyboard(const QString &text)
    {
        m_world->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_world->window()));
        QTest::keyClick(m_world->window(), Qt::Key_L, Qt::ControlModifier);
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_world->window()->findChild<QInputDialog *>(QStringLiteral("openLink")))
                    != nullptr
                && dialog->isVisible(),
            kGuiWait);
        QLineEdit *field = dialog->findChild<QLineEdit *>();
        QVERIFY(field);
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_world->window()->findChild<QInputDialog *>(QStringLiteral("openLink"))
                || !dialog->isVisible(),
            kGuiWait);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Linked")));
        QVERIFY(m_world->addCards(1, {QStringLiteral("First"), QStringLiteral("Shared card")}));
        m_boardId = m_world->board()->boardId();
        m_cardId = m_world->cardId(1, 1);
        QVERIFY(!m_cardId.isEmpty());
    }

    void copiedLinkOpensTheCardFromAnotherBoard()
    {
        QApplication::clipboard()->clear();
        QListView *doing = m_world->column(1)->cardView();
        const QPoint at = doing->visualRect(doing->model()->index(1, 0)).center();
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            doing->viewport(), at, {QStringLiteral("Copy link")}));
        QString link;
        QTRY_VERIFY_WITH_TIMEOUT(!(link = QApplication::clipboard()->text()).isEmpty(), kGuiWait);
        const auto parsed = CardLink::parse(link);
        QVERIFY2(parsed, qPrintable(link));
        QCOMPARE(parsed->server, QStringLiteral("local")); // the computer's own boards
        QCOMPARE(parsed->boardId, m_boardId);
        QCOMPARE(parsed->cardId, m_cardId);

        // Elsewhere in the program: another board is open.
        QVERIFY(m_world->createBoard(QStringLiteral("Elsewhere")));
        QVERIFY(m_world->board()->boardId() != m_boardId);
        openLinkByKeyboard(link);
        QPointer<CardDetailDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_world->window()->findChild<CardDetailDialog *>()) != nullptr
                && dialog->isVisible(),
            kGuiWait);
        QCOMPARE(m_world->board()->boardId(), m_boardId);
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->titleField()->text(), QStringLiteral("Shared card"), kGuiWait);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
    }

    void otherServersLinkAndNonsenseOpenNothing()
    {
        const QString foreign
            = CardLink {QStringLiteral("https://boards.example.com:8443"), m_boardId, m_cardId}
                  .toString();
        openLinkByKeyboard(foreign);
        QTRY_VERIFY2_WITH_TIMEOUT(m_world->window()->statusBar()->currentMessage().contains(
                                      QStringLiteral("https://boards.example.com:8443")),
            qPrintable(m_world->window()->statusBar()->currentMessage()), kGuiWait);
        QVERIFY(!m_world->window()->findChild<CardDetailDialog *>());

        openLinkByKeyboard(QStringLiteral("https://example.com/not-a-card"));
        QTRY_COMPARE_WITH_TIMEOUT(m_world->window()->statusBar()->currentMessage(),
            QStringLiteral("That is not a Corkboard link."), kGuiWait);
        QVERIFY(!m_world->window()->findChild<CardDetailDialog *>());
    }

    void aLinkFromASecondStartOpensTheCard()
    {
        // What SingleInstance hands over when `corkboard <link>` runs again: "show" and the link.
        QVERIFY(m_world->createBoard(QStringLiteral("Third")));
        const QString link = CardLink {QStringLiteral("local"), m_boardId, m_cardId}.toString();
        m_world->session()->handleRequests({QStringLiteral("show"), link});
        QPointer<CardDetailDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_world->window()->findChild<CardDetailDialog *>()) != nullptr
                && dialog->isVisible(),
            kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->titleField()->text(), QStringLiteral("Shared card"), kGuiWait);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowLinks)
#include "test_window_links.moc"
