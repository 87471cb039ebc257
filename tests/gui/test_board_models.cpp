// The desktop's item models on their own: every change they allow keeps
// QAbstractItemModelTester quiet, and they show what a user would see on the board.
#include "app/board_controller.h"
#include "app/board_list_model.h"
#include "app/card_model.h"
#include "app/column_model.h"
#include "app/notification_model.h"
#include "app/search_box.h"
#include "app/translations.h"

#include <QCoreApplication>

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace corkboard::ui;

namespace {

Card makeCard(const QString &id, const QString &column, const QString &position)
{
    Card c;
    c.id = id;
    c.columnId = column;
    c.title = QStringLiteral("Card ") + id;
    c.position = position;
    c.version = 1;
    return c;
}

BoardSnapshot snapshot()
{
    BoardSnapshot s;
    s.board.id = QStringLiteral("b1");
    s.board.name = QStringLiteral("Launch");
    s.seq = 10;
    Column todo {QStringLiteral("todo"), QStringLiteral("To do"), 0, QStringLiteral("a"), 1};
    Column doing {QStringLiteral("doing"), QStringLiteral("Doing"), 2, QStringLiteral("b"), 1};
    s.columns = {todo, doing};
    s.cards = {makeCard(QStringLiteral("c2"), QStringLiteral("todo"), QStringLiteral("b")),
        makeCard(QStringLiteral("c1"), QStringLiteral("todo"), QStringLiteral("a")),
        makeCard(QStringLiteral("c3"), QStringLiteral("doing"), QStringLiteral("a"))};
    s.labels = {{QStringLiteral("l1"), QStringLiteral("Bug"), QColor(Qt::red)}};
    s.members = {
        {QStringLiteral("u1"), QStringLiteral("Ada Lovelace"), QString(), QStringLiteral("owner")}};
    s.cards[0].labelIds = {QStringLiteral("l1")};
    s.cards[0].assigneeIds = {QStringLiteral("u1")};
    return s;
}

QStringList titles(const CardModel *m)
{
    QStringList t;
    for (int i = 0; i < m->rowCount(); ++i)
        t << m->index(i).data(CardModel::IdRole).toString();
    return t;
}

} // namespace

class TestBoardModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cardModelChangesAreConsistent()
    {
        BoardLookup lookup;
        CardModel model(QStringLiteral("todo"), &lookup);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCards({makeCard(QStringLiteral("a"), QString(), QStringLiteral("a")),
            makeCard(QStringLiteral("b"), QString(), QStringLiteral("b")),
            makeCard(QStringLiteral("c"), QString(), QStringLiteral("c"))});
        model.moveCardTo(QStringLiteral("a"), 2);
        QCOMPARE(titles(&model),
            (QStringList {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}));
        model.moveCardTo(QStringLiteral("a"), 0);
        QCOMPARE(titles(&model),
            (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        model.insertCard(
            1, makeCard(QStringLiteral("d"), QStringLiteral("elsewhere"), QStringLiteral("x")));
        QCOMPARE(model.cardAt(1)->columnId, QStringLiteral("todo"));
        QVERIFY(model.takeCard(QStringLiteral("b")).has_value());
        QVERIFY(!model.takeCard(QStringLiteral("b")).has_value());
        Card changed = *model.cardAt(0);
        changed.title = QStringLiteral("Renamed");
        model.replaceCard(changed);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Renamed"));
    }

    void cardDragCarriesIdsAndDropAsksForAMove()
    {
        BoardLookup lookup;
        CardModel from(QStringLiteral("todo"), &lookup);
        CardModel to(QStringLiteral("done"), &lookup);
        from.setCards({makeCard(QStringLiteral("a"), QString(), QStringLiteral("a"))});
        std::unique_ptr<QMimeData> mime(from.mimeData({from.index(0)}));
        QVERIFY(mime);
        QCOMPARE(CardModel::cardIdsFrom(mime.get()), QStringList {QStringLiteral("a")});
        QVERIFY(to.canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
        QVERIFY(!to.canDropMimeData(mime.get(), Qt::CopyAction, 0, 0, {}));
        QSignalSpy dropped(&to, &CardModel::cardDropped);
        QVERIFY(to.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, {}));
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.at(0).at(0).toString(), QStringLiteral("a"));
        QCOMPARE(dropped.at(0).at(1).toString(), QStringLiteral("done"));
        QCOMPARE(dropped.at(0).at(2).toInt(), 0);
        QMimeData junk;
        junk.setText(QStringLiteral("a"));
        QVERIFY(!to.dropMimeData(&junk, Qt::MoveAction, 0, 0, {}));
    }

    void dueBadgeStates()
    {
        BoardLookup lookup;
        CardModel model(QStringLiteral("todo"), &lookup);
        const QDateTime now
            = QDateTime::fromString(QStringLiteral("2026-03-01T12:00:00Z"), Qt::ISODate);
        model.setClock([now] { return now; });
        Card overdue = makeCard(QStringLiteral("o"), QString(), QStringLiteral("a"));
        overdue.dueAt = now.addSecs(-60);
        Card soon = makeCard(QStringLiteral("s"), QString(), QStringLiteral("b"));
        soon.dueAt = now.addSecs(3600);
        Card later = makeCard(QStringLiteral("l"), QString(), QStringLiteral("c"));
        later.dueAt = now.addDays(5);
        model.setCards(
            {overdue, soon, later, makeCard(QStringLiteral("n"), QString(), QStringLiteral("d"))});
        QCOMPARE(DueState(model.index(0).data(CardModel::DueStateRole).toInt()), DueState::Overdue);
        QCOMPARE(DueState(model.index(1).data(CardModel::DueStateRole).toInt()), DueState::Soon);
        QCOMPARE(DueState(model.index(2).data(CardModel::DueStateRole).toInt()), DueState::Later);
        QCOMPARE(DueState(model.index(3).data(CardModel::DueStateRole).toInt()), DueState::None);
    }

    void columnModelWipAndMoves()
    {
        ColumnModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setColumns({{QStringLiteral("a"), QStringLiteral("A"), 2, {}, 1},
                             {QStringLiteral("b"), QStringLiteral("B"), 0, {}, 1},
                             {QStringLiteral("c"), QStringLiteral("C"), 0, {}, 1}},
            {{QStringLiteral("a"), 2}});
        QVERIFY(!model.isOverWip(QStringLiteral("a")));
        model.setCardCount(QStringLiteral("a"), 3);
        QVERIFY(model.isOverWip(QStringLiteral("a")));
        QVERIFY(model.index(0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("limit")));
        model.moveColumnTo(QStringLiteral("a"), 2);
        QCOMPARE(model.columnAt(2)->id, QStringLiteral("a"));
        model.moveColumnTo(QStringLiteral("a"), 0);
        QCOMPARE(model.columnAt(0)->id, QStringLiteral("a"));
        model.insertColumn(1, {QStringLiteral("d"), QStringLiteral("D"), 0, {}, 1});
        model.removeColumn(QStringLiteral("b"));
        QCOMPARE(model.rowCount(), 3);
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(2)}));
        QSignalSpy dropped(&model, &ColumnModel::columnDropped);
        QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(dropped.at(0).at(0).toString(), QStringLiteral("c"));
    }

    void controllerBuildsColumnsInPositionOrderAndAppliesLiveEvents()
    {
        BoardController controller(nullptr);
        controller.applySnapshot(snapshot());
        QAbstractItemModelTester columns(
            controller.columns(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        CardModel *todo = controller.cardsOf(QStringLiteral("todo"));
        CardModel *doing = controller.cardsOf(QStringLiteral("doing"));
        QAbstractItemModelTester t1(todo, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(doing, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(titles(todo), (QStringList {QStringLiteral("c1"), QStringLiteral("c2")}));
        QCOMPARE(todo->index(1).data(CardModel::LabelNamesRole).toStringList(),
            QStringList {QStringLiteral("Bug")});
        QCOMPARE(todo->index(1).data(CardModel::AssigneeInitialsRole).toStringList(),
            QStringList {QStringLiteral("AL")});

        // Someone else moves c1 to the end of Doing.
        BoardEvent moved;
        moved.seq = 11;
        moved.type = QStringLiteral("card.moved");
        moved.boardId = QStringLiteral("b1");
        moved.card = makeCard(QStringLiteral("c1"), QStringLiteral("doing"), QStringLiteral("b"));
        controller.applyEvent(moved);
        QCOMPARE(titles(todo), QStringList {QStringLiteral("c2")});
        QCOMPARE(titles(doing), (QStringList {QStringLiteral("c3"), QStringLiteral("c1")}));
        QCOMPARE(controller.columns()->cardCount(QStringLiteral("doing")), 2);
        QVERIFY(!controller.columns()->isOverWip(QStringLiteral("doing")));

        // A replayed (older) event changes nothing.
        moved.seq = 11;
        moved.card->columnId = QStringLiteral("todo");
        controller.applyEvent(moved);
        QCOMPARE(titles(doing), (QStringList {QStringLiteral("c3"), QStringLiteral("c1")}));

        BoardEvent created;
        created.seq = 12;
        created.type = QStringLiteral("card.created");
        created.boardId = QStringLiteral("b1");
        created.card
            = makeCard(QStringLiteral("c4"), QStringLiteral("doing"), QStringLiteral("a5"));
        controller.applyEvent(created);
        QCOMPARE(titles(doing),
            (QStringList {QStringLiteral("c3"), QStringLiteral("c4"), QStringLiteral("c1")}));
        QVERIFY(controller.columns()->isOverWip(QStringLiteral("doing")));

        BoardEvent deleted;
        deleted.seq = 13;
        deleted.type = QStringLiteral("card.deleted");
        deleted.boardId = QStringLiteral("b1");
        deleted.deletedId = QStringLiteral("c3");
        controller.applyEvent(deleted);
        QCOMPARE(titles(doing), (QStringList {QStringLiteral("c4"), QStringLiteral("c1")}));

        BoardEvent column;
        column.seq = 14;
        column.type = QStringLiteral("column.created");
        column.boardId = QStringLiteral("b1");
        column.column
            = Column {QStringLiteral("done"), QStringLiteral("Done"), 0, QStringLiteral("c"), 1};
        QSignalSpy reset(&controller, &BoardController::columnsReset);
        controller.applyEvent(column);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(controller.columns()->rowCount(), 3);
        QVERIFY(controller.cardsOf(QStringLiteral("done")));
        QCOMPARE(controller.seq(), 14);

        // Events of another board are not ours.
        BoardEvent other = created;
        other.seq = 15;
        other.boardId = QStringLiteral("b2");
        other.card->id = QStringLiteral("c9");
        controller.applyEvent(other);
        QCOMPARE(controller.cardCount(), 3);
    }

    void boardListAndNotificationsAndSearch()
    {
        BoardListModel boards;
        QAbstractItemModelTester t1(
            &boards, QAbstractItemModelTester::FailureReportingMode::QtTest);
        boards.setBoards({{QStringLiteral("b1"), QStringLiteral("One"), {}, false, 1}});
        boards.upsert({QStringLiteral("b2"), QStringLiteral("Two"), {}, false, 1});
        boards.upsert({QStringLiteral("b1"), QStringLiteral("One"), {}, true, 2});
        QCOMPARE(boards.rowCount(), 2);
        QVERIFY(boards.index(0).data(BoardListModel::ArchivedRole).toBool());

        NotificationModel notes;
        QAbstractItemModelTester t2(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy unread(&notes, &NotificationModel::unreadCountChanged);
        Notification n1 {QStringLiteral("n1"), QStringLiteral("mentioned"),
            QStringLiteral("Ada mentioned you"), QStringLiteral("b1"), QStringLiteral("c1"),
            QDateTime::currentDateTimeUtc(), false};
        notes.setNotifications({n1});
        Notification n2 = n1;
        n2.id = QStringLiteral("n2");
        notes.prepend(n2);
        QCOMPARE(notes.unreadCount(), 2);
        notes.markRead(QStringLiteral("n1"));
        QCOMPARE(notes.unreadCount(), 1);
        notes.markAllRead();
        QCOMPARE(notes.unreadCount(), 0);
        QCOMPARE(unread.last().at(0).toInt(), 0);

        SearchResultModel results;
        QAbstractItemModelTester t3(
            &results, QAbstractItemModelTester::FailureReportingMode::QtTest);
        results.setHits({{QStringLiteral("b1"), QStringLiteral("One"), QStringLiteral("c1"),
            QStringLiteral("Fix login"), QStringLiteral("the <mark>login</mark> page")}});
        QCOMPARE(results.index(0).data(SearchResultModel::SnippetRole).toString(),
            QStringLiteral("the login page"));
        QCOMPARE(
            results.index(0).data(SearchResultModel::CardIdRole).toString(), QStringLiteral("c1"));
    }

    void germanTranslationIsBuiltInAndSelectable()
    {
        installTranslations(QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("corkboard::ui::MainWindow", "&Settings"),
            QStringLiteral("&Einstellungen"));
        QCOMPARE(
            QCoreApplication::translate("corkboard::ui::CardModel", "%n comment(s)", nullptr, 3),
            QStringLiteral("3 Kommentare"));
        QCOMPARE(QCoreApplication::translate("ErrorPresenter", "Some fields need attention."),
            QStringLiteral("Einige Felder müssen korrigiert werden."));
        installTranslations(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("corkboard::ui::MainWindow", "&Settings"),
            QStringLiteral("&Settings"));
    }
};

QTEST_MAIN(TestBoardModels)
#include "test_board_models.moc"
