// The desktop's item models on their own: every change they allow keeps
// QAbstractItemModelTester quiet, and they show what a user would see on the board.
#include "app/boards/board_list_model.h"
#include "app/boards/column_model.h"
#include "app/boards/open_board.h"
#include "app/cards/card_model.h"
#include "app/notifications/notification_model.h"
#include "app/search/search_box.h"
#include "app/shell/translations.h"
#include "shared/json_writer.h"

#include <QCoreApplication>

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace corkboard;
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

Column makeColumn(const QString &id, const QString &name, std::optional<int> limit,
    const QString &position = QString())
{
    Column c;
    c.id = id;
    c.name = name;
    c.wipLimit = limit;
    c.position = position;
    return c;
}

//! A live event as the server sends it: the resource's wire JSON in `data`.
template<class T>
EventEnvelope liveEvent(qint64 seq, const QString &type, const QString &boardId, const T &resource)
{
    JsonWriter w;
    writeJson(w, resource);
    return EventEnvelope {seq, type, boardId, QString(), QDateTime(), w.take()};
}

EventEnvelope deletion(qint64 seq, const QString &type, const QString &boardId, const QString &id)
{
    return EventEnvelope {seq, type, boardId, QString(), QDateTime(),
        QByteArrayLiteral("{\"id\":\"") + id.toUtf8() + QByteArrayLiteral("\"}")};
}

BoardSnapshot snapshot()
{
    BoardSnapshot s;
    s.board.id = QStringLiteral("b1");
    s.board.name = QStringLiteral("Launch");
    s.board.seq = 10;
    s.columns = {makeColumn(QStringLiteral("todo"), QStringLiteral("To do"), std::nullopt,
                     QStringLiteral("a")),
        makeColumn(QStringLiteral("doing"), QStringLiteral("Doing"), 2, QStringLiteral("b"))};
    s.cards = {makeCard(QStringLiteral("c2"), QStringLiteral("todo"), QStringLiteral("b")),
        makeCard(QStringLiteral("c1"), QStringLiteral("todo"), QStringLiteral("a")),
        makeCard(QStringLiteral("c3"), QStringLiteral("doing"), QStringLiteral("a"))};
    Label bug;
    bug.id = QStringLiteral("l1");
    bug.name = QStringLiteral("Bug");
    bug.color = QStringLiteral("#ff0000");
    s.labels = {bug};
    BoardMember ada;
    ada.userId = QStringLiteral("u1");
    ada.displayName = QStringLiteral("Ada Lovelace");
    ada.role = QStringLiteral("owner");
    s.members = {ada};
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
        model.setColumns({makeColumn(QStringLiteral("a"), QStringLiteral("A"), 2),
                             makeColumn(QStringLiteral("b"), QStringLiteral("B"), std::nullopt),
                             makeColumn(QStringLiteral("c"), QStringLiteral("C"), std::nullopt)},
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
        model.insertColumn(1, makeColumn(QStringLiteral("d"), QStringLiteral("D"), std::nullopt));
        model.removeColumn(QStringLiteral("b"));
        QCOMPARE(model.rowCount(), 3);
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(2)}));
        QSignalSpy dropped(&model, &ColumnModel::columnDropped);
        QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(dropped.at(0).at(0).toString(), QStringLiteral("c"));
    }

    void controllerBuildsColumnsInPositionOrderAndAppliesLiveEvents()
    {
        OpenBoard controller(nullptr);
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
        Card c1 = makeCard(QStringLiteral("c1"), QStringLiteral("doing"), QStringLiteral("b"));
        controller.applyEvent(
            liveEvent(11, QStringLiteral("card.moved"), QStringLiteral("b1"), c1));
        QCOMPARE(titles(todo), QStringList {QStringLiteral("c2")});
        QCOMPARE(titles(doing), (QStringList {QStringLiteral("c3"), QStringLiteral("c1")}));
        QCOMPARE(controller.columns()->cardCount(QStringLiteral("doing")), 2);
        QVERIFY(!controller.columns()->isOverWip(QStringLiteral("doing")));

        // A replayed (older) event changes nothing.
        c1.columnId = QStringLiteral("todo");
        controller.applyEvent(
            liveEvent(11, QStringLiteral("card.moved"), QStringLiteral("b1"), c1));
        QCOMPARE(titles(doing), (QStringList {QStringLiteral("c3"), QStringLiteral("c1")}));

        const Card c4
            = makeCard(QStringLiteral("c4"), QStringLiteral("doing"), QStringLiteral("a5"));
        controller.applyEvent(
            liveEvent(12, QStringLiteral("card.created"), QStringLiteral("b1"), c4));
        QCOMPARE(titles(doing),
            (QStringList {QStringLiteral("c3"), QStringLiteral("c4"), QStringLiteral("c1")}));
        QVERIFY(controller.columns()->isOverWip(QStringLiteral("doing")));

        controller.applyEvent(deletion(
            13, QStringLiteral("card.deleted"), QStringLiteral("b1"), QStringLiteral("c3")));
        QCOMPARE(titles(doing), (QStringList {QStringLiteral("c4"), QStringLiteral("c1")}));

        QSignalSpy reset(&controller, &OpenBoard::columnsReset);
        controller.applyEvent(liveEvent(14, QStringLiteral("column.created"), QStringLiteral("b1"),
            makeColumn(QStringLiteral("done"), QStringLiteral("Done"), std::nullopt,
                QStringLiteral("c"))));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(controller.columns()->rowCount(), 3);
        QVERIFY(controller.cardsOf(QStringLiteral("done")));
        QCOMPARE(controller.seq(), 14);

        // Events of another board are not ours.
        Card c9 = c4;
        c9.id = QStringLiteral("c9");
        controller.applyEvent(
            liveEvent(15, QStringLiteral("card.created"), QStringLiteral("b2"), c9));
        QCOMPARE(controller.cardCount(), 3);
    }

    void boardListAndNotificationsAndSearch()
    {
        BoardListModel boards;
        QAbstractItemModelTester t1(
            &boards, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto board = [](const QString &id, const QString &name, bool archived) {
            Board b;
            b.id = id;
            b.name = name;
            b.archived = archived;
            return b;
        };
        boards.setBoards({board(QStringLiteral("b1"), QStringLiteral("One"), false)});
        boards.upsert(board(QStringLiteral("b2"), QStringLiteral("Two"), false));
        boards.upsert(board(QStringLiteral("b1"), QStringLiteral("One"), true));
        QCOMPARE(boards.rowCount(), 2);
        QVERIFY(boards.index(0).data(BoardListModel::ArchivedRole).toBool());

        NotificationModel notes;
        QAbstractItemModelTester t2(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy unread(&notes, &NotificationModel::unreadCountChanged);
        Notification n1;
        n1.id = QStringLiteral("n1");
        n1.kind = QStringLiteral("mentioned");
        n1.boardId = QStringLiteral("b1");
        n1.cardId = QStringLiteral("c1");
        n1.data.insert(QStringLiteral("card_title"), QStringLiteral("Venue"));
        n1.data.insert(QStringLiteral("actor_name"), QStringLiteral("Bo"));
        n1.createdAt = QDateTime::currentDateTimeUtc();
        notes.setNotifications({n1});
        // Who and when, then what.
        const QString shown = notes.index(0).data().toString();
        QVERIFY2(shown.startsWith(QStringLiteral("Bo · ")), qPrintable(shown));
        QCOMPARE(
            shown.section(QLatin1Char('\n'), 1), QStringLiteral("You were mentioned on “Venue”"));
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
        SearchHit hit;
        hit.kind = QStringLiteral("comment");
        hit.id = QStringLiteral("m1");
        hit.boardId = QStringLiteral("b1");
        hit.cardId = QStringLiteral("c1");
        hit.title = QStringLiteral("Fix login");
        hit.snippet = QStringLiteral("the <mark>login</mark> page");
        results.setHits({hit}, {{QStringLiteral("b1"), QStringLiteral("One")}});
        QCOMPARE(results.index(0).data().toString(), QStringLiteral("Fix login — One"));
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
        // English says "1 comment", "3 comments"; so does a language with no file of its own.
        QCOMPARE(
            QCoreApplication::translate("corkboard::ui::CardModel", "%n comment(s)", nullptr, 1),
            QStringLiteral("1 comment"));
        QCOMPARE(
            QCoreApplication::translate("corkboard::ui::CardModel", "%n comment(s)", nullptr, 3),
            QStringLiteral("3 comments"));
        installTranslations(QStringLiteral("fr"));
        QCOMPARE(QCoreApplication::translate("corkboard::ui::BoardCommands",
                     "Delete the column “%1”? Its %n card(s) move "
                     "to “%2”; Undo (Ctrl+Z) puts them back.",
                     nullptr, 2),
            QStringLiteral("Delete the column “%1”? Its 2 cards move to “%2”; Undo (Ctrl+Z) puts "
                           "them back."));
        installTranslations(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestBoardModels)
#include "test_board_models.moc"
