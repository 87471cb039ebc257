// The board's filter row used as a person does: typed text, a label, "Me" and another person,
// overdue / next 7 days / no due date, "Show all"; the columns show only the matching cards
// (on screen: rows hidden, the models keep every card), a count says how many, and a card
// changed elsewhere is filtered as it arrives.
#include "app/boards/board_view.h"
#include "app/boards/column_widget.h"
#include "app/boards/filter_bar.h"
#include "app/boards/open_board.h"
#include "app/cards/card_model.h"
#include "app/shell/main_window.h"
#include "tests/support/gui_world.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTest>
#include <QToolButton>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowFilters : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    test::Person *m_bo = nullptr;

    FilterBar *bar() const { return m_world->view()->filterBar(); }

    //! What column 0 shows (rows not hidden), top to bottom.
    QStringList shown() const
    {
        QListView *view = m_world->column(0)->cardView();
        QStringList out;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (!view->isRowHidden(row))
                out << view->model()->index(row, 0).data().toString();
        }
        return out;
    }

    QString idOf(const QString &title) const
    {
        const auto card = [&]() -> std::optional<Card> {
            CardModel *model = m_world->board()->cardsOf(m_world->column(0)->columnId());
            for (const Card &c : model->cards()) {
                if (c.title == title)
                    return c;
            }
            return std::nullopt;
        }();
        return card ? card->id : QString();
    }

    //! Picks the entry `text` in the combo box with the keyboard (Down until it is current).
    static bool choose(QComboBox *box, const QString &text)
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Home);
        for (int i = 0; i < box->count(); ++i) {
            if (box->currentText() == text)
                return true;
            QTest::keyClick(box, Qt::Key_Down);
        }
        return box->currentText() == text;
    }

    void setCard(const QString &title, const std::function<void(client::CardPatch &)> &edit)
    {
        const QString id = idOf(title);
        QVERIFY(!id.isEmpty());
        client::CardPatch patch;
        edit(patch);
        const qint64 version = m_world->board()->card(id)->version;
        const auto r = awaitCall<Card>([&](QObject *ctx, Callback<Card> done) {
            m_world->backend()->updateCard(ctx, id, version, patch, done);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        m_world->board()->cardChanged(*r.value);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        m_bo = m_world->addPerson(QStringLiteral("Bo Berg"), QStringLiteral("bo@example.com"));
        QVERIFY(m_bo && m_world->shareBoardWith(*m_bo));
        QVERIFY(m_world->addCards(0,
            {QStringLiteral("Fix the venue contract"), QStringLiteral("Print the badges"),
                QStringLiteral("Plan the menu")}));
        // Set-up through the typed client: a label, people and due dates on the cards.
        const QString boardId = m_world->board()->boardId();
        const auto urgent = awaitCall<Label>([&](QObject *ctx, Callback<Label> done) {
            m_world->backend()->createLabel(
                ctx, boardId, QStringLiteral("Urgent"), QStringLiteral("#e5484d"), done);
        });
        QVERIFY(urgent.ok());
        m_world->board()->labelChanged(*urgent.value);
        const QString ada = m_world->backend()->account()->id;
        setCard(QStringLiteral("Fix the venue contract"), [&](client::CardPatch &p) {
            p.labelIds = QStringList {urgent.value->id};
            p.assigneeIds = QStringList {ada};
            p.dueAt = QDateTime::currentDateTimeUtc().addDays(-1);
        });
        setCard(QStringLiteral("Print the badges"), [&](client::CardPatch &p) {
            p.assigneeIds = QStringList {m_bo->account.id};
            p.dueAt = QDateTime::currentDateTimeUtc().addDays(3);
        });
        QVERIFY(m_world->reload());
        QCOMPARE(shown().size(), 3);
    }

    void textNarrowsTheColumns()
    {
        QTest::mouseClick(bar()->textField(), Qt::LeftButton);
        QTest::keyClicks(bar()->textField(), QStringLiteral("BADGE"));
        QCOMPARE(shown(), QStringList {QStringLiteral("Print the badges")});
        // The model keeps every card: only the view leaves them out.
        QCOMPARE(m_world->titles(0).size(), 3);
        QCOMPARE(bar()->findChild<QLabel *>(QStringLiteral("filterCounts"))->text(),
            QStringLiteral("Showing 1 of 3 cards"));
        QTest::mouseClick(bar()->clearButton(), Qt::LeftButton);
        QCOMPARE(shown().size(), 3);
        QVERIFY(bar()->textField()->text().isEmpty());
        QVERIFY(!bar()->clearButton()->isEnabled());
    }

    void labelPersonAndDue()
    {
        QVERIFY(choose(bar()->labelBox(), QStringLiteral("Urgent")));
        QCOMPARE(shown(), QStringList {QStringLiteral("Fix the venue contract")});
        QVERIFY(choose(bar()->labelBox(), QStringLiteral("Any label")));

        QVERIFY(choose(bar()->personBox(), QStringLiteral("Me")));
        QCOMPARE(shown(), QStringList {QStringLiteral("Fix the venue contract")});
        QVERIFY(choose(bar()->personBox(), QStringLiteral("Bo Berg")));
        QCOMPARE(shown(), QStringList {QStringLiteral("Print the badges")});
        QVERIFY(choose(bar()->personBox(), QStringLiteral("Anyone")));

        QVERIFY(choose(bar()->dueBox(), QStringLiteral("Overdue")));
        QCOMPARE(shown(), QStringList {QStringLiteral("Fix the venue contract")});
        QVERIFY(choose(bar()->dueBox(), QStringLiteral("Due in the next 7 days")));
        QCOMPARE(shown(), QStringList {QStringLiteral("Print the badges")});
        QVERIFY(choose(bar()->dueBox(), QStringLiteral("No due date")));
        QCOMPARE(shown(), QStringList {QStringLiteral("Plan the menu")});
    }

    void aCardChangedElsewhereIsFilteredAsItArrives()
    {
        // "No due date" still on: Bo gives "Plan the menu" a date (live), and it leaves the view.
        const QString id = idOf(QStringLiteral("Plan the menu"));
        const auto detail = awaitCall<CardDetail>([&](QObject *ctx, Callback<CardDetail> done) {
            m_bo->backend->loadCard(ctx, id, done);
        });
        QVERIFY(detail.ok());
        client::CardPatch due;
        due.dueAt = QDateTime::currentDateTimeUtc().addDays(2);
        const auto r = awaitCall<Card>([&](QObject *ctx, Callback<Card> done) {
            m_bo->backend->updateCard(ctx, id, detail.value->card.version, due, done);
        });
        QVERIFY(r.ok());
        QTRY_COMPARE_WITH_TIMEOUT(shown(), QStringList(), kGuiWait);
        QTest::mouseClick(bar()->clearButton(), Qt::LeftButton);
        QCOMPARE(shown().size(), 3);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowFilters)
#include "test_window_filters.moc"
