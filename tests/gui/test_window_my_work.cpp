// View ▸ My work from the menu bar: the cards assigned to me on every board (not other people's,
// not archived ones), overdue first then by due date, undated last; Enter on a row opens that
// card on its board.
#include "app/boards/column_widget.h"
#include "app/boards/my_work_dialog.h"
#include "app/boards/open_board.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/shell/main_window.h"
#include "tests/support/gui_world.h"

#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowMyWork : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;

    void assign(const QString &title, const QString &userId, int dueDays, bool archive = false)
    {
        CardModel *model = m_world->board()->cardsOf(m_world->column(0)->columnId());
        std::optional<Card> card;
        for (const Card &c : model->cards()) {
            if (c.title == title)
                card = c;
        }
        QVERIFY(card);
        client::CardPatch patch;
        patch.assigneeIds = QStringList {userId};
        if (dueDays != 99)
            patch.dueAt = QDateTime::currentDateTimeUtc().addDays(dueDays);
        if (archive)
            patch.archived = true;
        const auto r = awaitCall<Card>([&](QObject *ctx, Callback<Card> done) {
            m_world->backend()->updateCard(ctx, card->id, card->version, patch, done);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
    }

    void myCardsOnEveryBoardOpenFromTheList()
    {
        const QString ada = m_world->backend()->account()->id;
        test::Person *bo
            = m_world->addPerson(QStringLiteral("Bo Berg"), QStringLiteral("bo@example.com"));
        QVERIFY(bo);
        // Set-up through the typed client: two boards, cards for Ada and for Bo.
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        QVERIFY(m_world->shareBoardWith(*bo));
        QVERIFY(m_world->addCards(0,
            {QStringLiteral("Book the venue"), QStringLiteral("Print badges"),
                QStringLiteral("Old idea"), QStringLiteral("Bo's task")}));
        assign(QStringLiteral("Book the venue"), ada, 3);
        assign(QStringLiteral("Print badges"), ada, -2);
        assign(QStringLiteral("Old idea"), ada, 99, true);
        assign(QStringLiteral("Bo's task"), bo->account.id, 1);
        const QString launch = m_world->board()->boardId();
        m_world->window()->showBoards();
        QVERIFY(m_world->createBoard(QStringLiteral("Website")));
        QVERIFY(m_world->addCards(0, {QStringLiteral("Write the copy")}));
        assign(QStringLiteral("Write the copy"), ada, 99);

        QVERIFY(m_world->chooseFromMenuBar({QStringLiteral("View"), QStringLiteral("My work")}));
        QPointer<MyWorkDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_world->window()->findChild<MyWorkDialog *>()) != nullptr
                && dialog->isVisible() && dialog->isLoaded(),
            kGuiWait);
        QTreeWidget *list = dialog->list();
        QStringList rows;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            rows << list->topLevelItem(i)->text(0);
        // Overdue first, then by date, undated last; not Bo's, not the archived one.
        QCOMPARE(rows,
            (QStringList {QStringLiteral("Print badges"), QStringLiteral("Book the venue"),
                QStringLiteral("Write the copy")}));
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Launch plan · To do"));
        QVERIFY(list->topLevelItem(0)->text(2).endsWith(QStringLiteral("(overdue)")));
        QVERIFY(list->topLevelItem(2)->text(2).isEmpty());

        // Down to "Book the venue", Enter: the other board opens with that card.
        QTRY_VERIFY_WITH_TIMEOUT(list->hasFocus(), kGuiWait);
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_world->board()->boardId(), launch, kGuiWait);
        QPointer<CardDetailDialog> card;
        QTRY_VERIFY_WITH_TIMEOUT(
            (card = m_world->window()->findChild<CardDetailDialog *>()) != nullptr
                && card->isVisible(),
            kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            card->titleField()->text(), QStringLiteral("Book the venue"), kGuiWait);
        QTest::keyClick(card, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!card || !card->isVisible(), kGuiWait);
    }

    void f1ListsTheShortcutsWithMyWork()
    {
        m_world->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_world->window()));
        QTest::keyClick(m_world->window(), Qt::Key_F1);
        QDialog *list = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (list = m_world->window()->findChild<QDialog *>(QStringLiteral("shortcuts"))) != nullptr
                && list->isVisible(),
            kGuiWait);
        auto *table = list->findChild<QTableWidget *>();
        QVERIFY(table);
        QHash<QString, QString> keys;
        for (int row = 0; row < table->rowCount(); ++row)
            keys.insert(table->item(row, 0)->text(), table->item(row, 1)->text());
        QCOMPARE(keys.value(QStringLiteral("My work…")),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M).toString(QKeySequence::NativeText));
        QCOMPARE(keys.value(QStringLiteral("Undo")),
            QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText));
        QVERIFY(keys.contains(QStringLiteral("Move the card to the next / previous column")));
        QTest::keyClick(list, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!list->isVisible(), kGuiWait);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowMyWork)
#include "test_window_my_work.moc"
