// Quitting and starting the program again (same settings, data and keychain): it comes back
// signed in, on the board that was open, at the size the window had.
#include "app/boards/open_board.h"
#include "app/shell/main_window.h"
#include "tests/support/gui_world.h"

#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

class TestWindowRemembers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lastBoardAndWindowSizeComeBack()
    {
        test::GuiWorld world;
        QVERIFY(world.start());
        QVERIFY(world.createBoard(QStringLiteral("First board")));
        world.window()->showBoards();
        QVERIFY(world.createBoard(QStringLiteral("Launch plan")));
        QVERIFY(world.addCards(0, {QStringLiteral("Venue")}));
        const QString boardId = world.board()->boardId();
        world.window()->resize(903, 611);
        QTRY_COMPARE_WITH_TIMEOUT(world.window()->size(), QSize(903, 611), kGuiWait);

        QVERIFY(world.restart());
        QTRY_COMPARE_WITH_TIMEOUT(world.board()->boardId(), boardId, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(world.titles(0), QStringList {QStringLiteral("Venue")}, kGuiWait);
        QCOMPARE(world.board()->boardName(), QStringLiteral("Launch plan"));
        QCOMPARE(world.window()->size(), QSize(903, 611));
    }
};

QTEST_MAIN(TestWindowRemembers)
#include "test_window_remembers.moc"
