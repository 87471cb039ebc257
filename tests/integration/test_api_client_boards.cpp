// The typed board/card methods against the real server on loopback: every call decodes into the
// shared DTOs, and errors (412 with the current version, 422 per field, 404) arrive typed.
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/cards_api.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

namespace {

constexpr int kWait = 20000;

#define REQUIRE_OK(expr)                                                                           \
    [&] {                                                                                          \
        auto r_ = waitFor(expr);                                                                   \
        if (!r_.isOk())                                                                            \
            qWarning().noquote() << #expr << why(r_);                                              \
        return r_;                                                                                 \
    }()

} // namespace

class TestApiClientBoards : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_client;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        ApiClient::Options o;
        o.backoff = [](int) { return 5; };
        m_client = std::make_unique<ApiClient>(
            QUrl(m_server->url(QString())), std::make_shared<MemoryTokenStore>(), o);
        const auto user
            = REQUIRE_OK(AuthApi(*m_client).registerAccount(QStringLiteral("ada@example.com"),
                QStringLiteral("correct horse battery"), QStringLiteral("Ada")));
        QVERIFY(user.isOk());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void boardOpenedAgainIsA304AnsweredWithTheKeptCopy()
    {
        BoardsApi boards(*m_client);
        const auto created = REQUIRE_OK(boards.createBoard(QStringLiteral("Kept")));
        QVERIFY(created.isOk());
        const QString boardId = created.value().board.id;
        const auto first = REQUIRE_OK(boards.snapshot(boardId));
        QVERIFY(first.isOk());

        // The typed call kept the body: the same GET now goes out with If-None-Match → 304.
        ApiRequest again = ApiRequest::get(QStringLiteral("/api/v1/boards/") + boardId);
        again.conditional = true;
        const auto raw = REQUIRE_OK(m_client->send(again));
        QVERIFY(raw.isOk());
        QVERIFY(raw.value().notModified);
        QCOMPARE(raw.value().status, 200);
        const auto kept = REQUIRE_OK(boards.snapshot(boardId));
        QVERIFY(kept.isOk());
        QCOMPARE(kept.value().board.seq, first.value().board.seq);
        QCOMPARE(kept.value().columns.size(), 3);

        // A change in between: the server sends the new board, not a 304.
        NewCard card;
        card.columnId = first.value().columns.at(0).id;
        card.title = QStringLiteral("after");
        QVERIFY(REQUIRE_OK(CardsApi(*m_client).createCard(boardId, card)).isOk());
        const auto changed = REQUIRE_OK(m_client->send(again));
        QVERIFY(changed.isOk());
        QVERIFY(!changed.value().notModified);
        const auto fresh = REQUIRE_OK(boards.snapshot(boardId));
        QCOMPARE(fresh.value().cards.size(), 1);
        QVERIFY(fresh.value().board.seq > first.value().board.seq);
    }

    void boardLifecycleThroughTypedCalls()
    {
        BoardsApi boards(*m_client);
        CardsApi cards(*m_client);

        const auto board
            = REQUIRE_OK(boards.createBoard(QStringLiteral("Launch"), QStringLiteral("Q4 plan")));
        QVERIFY(board.isOk());
        QCOMPARE(board.value().board.name, QStringLiteral("Launch"));
        QCOMPARE(board.value().board.role, QStringLiteral("owner"));
        QCOMPARE(board.value().columns.size(), 3);
        const QString boardId = board.value().board.id;

        const auto list = REQUIRE_OK(boards.boards());
        QVERIFY(list.isOk());
        QCOMPARE(list.value().items.size(), 1);
        QCOMPARE(list.value().items.first().id, boardId);

        const auto snap = REQUIRE_OK(boards.snapshot(boardId));
        QVERIFY(snap.isOk());
        QCOMPARE(snap.value().columns.size(), 3); // To do, Doing, Done
        QVERIFY(snap.value().board.seq >= 0);
        QCOMPARE(snap.value().members.size(), 1);
        const QString todo = snap.value().columns.at(0).id;
        const QString doing = snap.value().columns.at(1).id;

        NewCard draft;
        draft.columnId = todo;
        draft.title = QStringLiteral("Write the press release");
        draft.dueAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        const auto card = REQUIRE_OK(cards.createCard(boardId, draft));
        QVERIFY(card.isOk());
        QCOMPARE(card.value().title, draft.title);
        QCOMPARE(card.value().dueAt, draft.dueAt);

        const auto moved = REQUIRE_OK(cards.moveCard(card.value().id, {doing, {}, {}}));
        QVERIFY(moved.isOk());
        QCOMPARE(moved.value().columnId, doing);

        // Optimistic concurrency: an edit from the original version is refused with 412.
        CardPatch patch;
        patch.title = QStringLiteral("Press release v2");
        const auto stale = waitFor(cards.updateCard(card.value().id, patch, card.value().version));
        QVERIFY(!stale.isOk());
        QCOMPARE(stale.error().status, 412);
        QVERIFY(stale.error().is(ErrorCode::PreconditionFailed));
        const auto fresh
            = REQUIRE_OK(cards.updateCard(card.value().id, patch, moved.value().version));
        QVERIFY(fresh.isOk());
        QCOMPARE(fresh.value().title, QStringLiteral("Press release v2"));

        const auto item
            = REQUIRE_OK(cards.addChecklistItem(card.value().id, QStringLiteral("Draft")));
        QVERIFY(item.isOk());
        QVERIFY(REQUIRE_OK(cards.updateChecklistItem(item.value().id, std::nullopt, true)).isOk());
        const auto detail = REQUIRE_OK(cards.card(card.value().id));
        QVERIFY(detail.isOk());
        QCOMPARE(detail.value().checklist.size(), 1);
        QVERIFY(detail.value().checklist.first().done);

        const auto comment
            = REQUIRE_OK(cards.addComment(card.value().id, QStringLiteral("Looks good to me")));
        QVERIFY(comment.isOk());
        const auto comments = REQUIRE_OK(cards.comments(card.value().id));
        QVERIFY(comments.isOk());
        QCOMPARE(comments.value().items.size(), 1);
        QCOMPARE(comments.value().items.first().body, QStringLiteral("Looks good to me"));

        const auto label = REQUIRE_OK(
            boards.createLabel(boardId, QStringLiteral("urgent"), QStringLiteral("#ff0000")));
        QVERIFY(label.isOk());
        const auto labels = REQUIRE_OK(boards.labels(boardId));
        QVERIFY(labels.isOk());
        QCOMPARE(labels.value().size(), 1);

        const auto column = REQUIRE_OK(boards.createColumn(boardId, QStringLiteral("Review"), 3));
        QVERIFY(column.isOk());
        QCOMPARE(column.value().wipLimit, std::optional<int>(3));

        const auto activity = REQUIRE_OK(boards.activity(boardId));
        QVERIFY(activity.isOk());
        QVERIFY(activity.value().items.size() >= 3);

        const auto hits = REQUIRE_OK(boards.search(QStringLiteral("press"), boardId));
        QVERIFY(hits.isOk());
        QVERIFY(!hits.value().items.isEmpty());
        QCOMPARE(hits.value().items.first().boardId, boardId);

        QVERIFY(REQUIRE_OK(cards.deleteCard(card.value().id)).isOk());
        const auto gone = waitFor(cards.card(card.value().id));
        QVERIFY(!gone.isOk());
        QVERIFY(gone.error().is(ErrorCode::NotFound));
    }

    void editsMembersAndDeletionsThroughTypedCalls()
    {
        BoardsApi boards(*m_client);
        CardsApi cards(*m_client);
        ApiClient bobClient(QUrl(m_server->url(QString())), std::make_shared<MemoryTokenStore>());
        const auto invite = REQUIRE_OK(AuthApi(*m_client).createInvite());
        QVERIFY(invite.isOk());
        const auto bob = REQUIRE_OK(AuthApi(bobClient).registerAccount(
            QStringLiteral("bob@example.com"), QStringLiteral("correct horse battery"),
            QStringLiteral("Bob"), invite.value().code));
        QVERIFY(bob.isOk());

        const auto created = REQUIRE_OK(boards.createBoard(QStringLiteral("Ops")));
        QVERIFY(created.isOk());
        const QString boardId = created.value().board.id;

        BoardPatch rename;
        rename.name = QStringLiteral("Operations");
        const auto renamed
            = REQUIRE_OK(boards.updateBoard(boardId, rename, created.value().board.version));
        QVERIFY(renamed.isOk());
        QCOMPARE(renamed.value().name, QStringLiteral("Operations"));

        // Sharing: Bob cannot see the board until he is a member.
        QVERIFY(waitFor(BoardsApi(bobClient).snapshot(boardId)).error().is(ErrorCode::NotFound));
        const auto member
            = REQUIRE_OK(boards.setMember(boardId, bob.value().id, QStringLiteral("editor")));
        QVERIFY(member.isOk());
        QCOMPARE(member.value().role, QStringLiteral("editor"));
        const auto members = REQUIRE_OK(boards.members(boardId));
        QVERIFY(members.isOk());
        QCOMPARE(members.value().size(), 2);
        QVERIFY(REQUIRE_OK(BoardsApi(bobClient).snapshot(boardId)).isOk());
        QVERIFY(REQUIRE_OK(boards.removeMember(boardId, bob.value().id)).isOk());
        QVERIFY(waitFor(BoardsApi(bobClient).snapshot(boardId)).error().is(ErrorCode::NotFound));

        const auto column = REQUIRE_OK(boards.createColumn(boardId, QStringLiteral("Blocked")));
        QVERIFY(column.isOk());
        ColumnPatch columnPatch;
        columnPatch.name = QStringLiteral("Waiting");
        columnPatch.wipLimit = std::optional<int>(2);
        const auto editedColumn = REQUIRE_OK(boards.updateColumn(column.value().id, columnPatch));
        QVERIFY(editedColumn.isOk());
        QCOMPARE(editedColumn.value().name, QStringLiteral("Waiting"));
        QCOMPARE(editedColumn.value().wipLimit, std::optional<int>(2));
        QVERIFY(REQUIRE_OK(boards.deleteColumn(column.value().id)).isOk());

        const auto label = REQUIRE_OK(
            boards.createLabel(boardId, QStringLiteral("bug"), QStringLiteral("#00ff00")));
        QVERIFY(label.isOk());
        const auto editedLabel = REQUIRE_OK(
            boards.updateLabel(label.value().id, QStringLiteral("defect"), std::nullopt));
        QVERIFY(editedLabel.isOk());
        QCOMPARE(editedLabel.value().name, QStringLiteral("defect"));
        QVERIFY(REQUIRE_OK(boards.deleteLabel(label.value().id)).isOk());
        QCOMPARE(REQUIRE_OK(boards.labels(boardId)).value().size(), 0);

        NewCard draft;
        draft.columnId = created.value().columns.first().id;
        draft.title = QStringLiteral("Rotate keys");
        const auto card = REQUIRE_OK(cards.createCard(boardId, draft));
        QVERIFY(card.isOk());
        const auto item
            = REQUIRE_OK(cards.addChecklistItem(card.value().id, QStringLiteral("staging")));
        QVERIFY(item.isOk());
        // Reordering: after another item, to the top, and never after another card's item.
        const auto second
            = REQUIRE_OK(cards.addChecklistItem(card.value().id, QStringLiteral("production")));
        const auto third
            = REQUIRE_OK(cards.addChecklistItem(card.value().id, QStringLiteral("announce")));
        QVERIFY(second.isOk() && third.isOk());
        const auto order = [&] {
            QStringList out;
            const auto detail = REQUIRE_OK(cards.card(card.value().id));
            if (!detail.isOk())
                return out;
            for (const ChecklistItem &i : detail.value().checklist)
                out << i.text;
            return out;
        };
        QVERIFY(REQUIRE_OK(cards.moveChecklistItem(third.value().id, item.value().id)).isOk());
        QCOMPARE(order(),
            (QStringList {QStringLiteral("staging"), QStringLiteral("announce"),
                QStringLiteral("production")}));
        QVERIFY(REQUIRE_OK(cards.moveChecklistItem(second.value().id, QString())).isOk());
        QCOMPARE(order(),
            (QStringList {QStringLiteral("production"), QStringLiteral("staging"),
                QStringLiteral("announce")}));
        // Back and forth many times in one gap: the keys are respaced, the order stays right.
        for (int i = 0; i < 60; ++i) {
            QVERIFY(REQUIRE_OK(
                cards.moveChecklistItem((i % 2 ? second : third).value().id, item.value().id))
                        .isOk());
        }
        QCOMPARE(order(),
            (QStringList {QStringLiteral("staging"), QStringLiteral("production"),
                QStringLiteral("announce")}));
        NewCard elsewhere;
        elsewhere.columnId = draft.columnId;
        elsewhere.title = QStringLiteral("Elsewhere");
        const auto otherCard = REQUIRE_OK(cards.createCard(boardId, elsewhere));
        const auto foreign
            = REQUIRE_OK(cards.addChecklistItem(otherCard.value().id, QStringLiteral("theirs")));
        const auto refused
            = REQUIRE_OK(cards.moveChecklistItem(second.value().id, foreign.value().id));
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().status, 422);
        QVERIFY(!refused.error().errorsFor(QStringLiteral("after_item_id")).isEmpty());
        QVERIFY(REQUIRE_OK(cards.deleteChecklistItem(second.value().id)).isOk());
        QVERIFY(REQUIRE_OK(cards.deleteChecklistItem(third.value().id)).isOk());
        QVERIFY(REQUIRE_OK(cards.deleteChecklistItem(item.value().id)).isOk());
        const auto comment = REQUIRE_OK(cards.addComment(card.value().id, QStringLiteral("first")));
        QVERIFY(comment.isOk());
        const auto edited
            = REQUIRE_OK(cards.updateComment(comment.value().id, QStringLiteral("second")));
        QVERIFY(edited.isOk());
        QCOMPARE(edited.value().body, QStringLiteral("second"));
        QVERIFY(REQUIRE_OK(cards.deleteComment(comment.value().id)).isOk());
        QCOMPARE(REQUIRE_OK(cards.comments(card.value().id)).value().items.size(), 0);
        QCOMPARE(REQUIRE_OK(cards.card(card.value().id)).value().checklist.size(), 0);

        QVERIFY(REQUIRE_OK(boards.deleteBoard(boardId)).isOk());
        QVERIFY(waitFor(boards.snapshot(boardId)).error().is(ErrorCode::NotFound));
    }

    void reordersKeepTheExactPlace()
    {
        BoardsApi boards(*m_client);
        CardsApi cards(*m_client);
        const auto board = REQUIRE_OK(boards.createBoard(QStringLiteral("Order")));
        QVERIFY(board.isOk());
        const QString boardId = board.value().board.id;
        const QList<Column> columns = board.value().columns;

        // A column to the front: "after nothing" goes out as null, not as an empty id (422).
        ColumnPatch front;
        front.afterColumnId = QString();
        const auto moved = REQUIRE_OK(boards.updateColumn(columns.at(2).id, front));
        QVERIFY(moved.isOk());
        auto snap = REQUIRE_OK(boards.snapshot(boardId));
        QCOMPARE(snap.value().columns.first().id, columns.at(2).id);

        QStringList ids;
        for (const char *title : {"one", "two", "three"}) {
            NewCard draft;
            draft.columnId = columns.at(0).id;
            draft.title = QString::fromLatin1(title);
            draft.afterCardId = ids.isEmpty() ? QString() : ids.last();
            const auto card = REQUIRE_OK(cards.createCard(boardId, draft));
            QVERIFY(card.isOk());
            ids << card.value().id;
        }
        // To the top of another column that has cards: before its first card.
        const auto top = REQUIRE_OK(cards.moveCard(ids.at(2), {columns.at(1).id, {}, {}}));
        QVERIFY(top.isOk());
        const auto above = REQUIRE_OK(cards.moveCard(ids.at(1), {columns.at(1).id, {}, ids.at(2)}));
        QVERIFY(above.isOk());
        const auto between
            = REQUIRE_OK(cards.moveCard(ids.at(0), {columns.at(1).id, ids.at(1), {}}));
        QVERIFY(between.isOk());
        snap = REQUIRE_OK(boards.snapshot(boardId));
        QList<Card> inDoing;
        for (const Card &c : snap.value().cards) {
            if (c.columnId == columns.at(1).id)
                inDoing << c;
        }
        std::sort(inDoing.begin(), inDoing.end(),
            [](const Card &a, const Card &b) { return a.position < b.position; });
        QStringList order;
        for (const Card &c : inDoing)
            order << c.title;
        QCOMPARE(order,
            (QStringList {QStringLiteral("two"), QStringLiteral("one"), QStringLiteral("three")}));
    }

    void validationErrorsAreTypedPerField()
    {
        BoardsApi boards(*m_client);
        const auto r = waitFor(boards.createBoard(QString(201, QLatin1Char('x'))));
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().status, 422);
        QVERIFY(!r.error().errorsFor(QStringLiteral("name")).isEmpty());
        const auto none = REQUIRE_OK(boards.boards());
        QVERIFY(none.isOk());
        QCOMPARE(none.value().items.size(), 0); // nothing was created
    }
};

QTEST_GUILESS_MAIN(TestApiClientBoards)
#include "test_api_client_boards.moc"
