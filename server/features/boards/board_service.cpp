#include "server/features/boards/board_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/boards/board_repository.h"
#include "server/features/cards/card_repository.h"
#include "server/features/columns/column_repository.h"
#include "server/features/common/position_key.h"
#include "server/features/common/service_util.h"
#include "server/features/events/outbox_repository.h"
#include "server/features/labels/label_repository.h"
#include "server/platform/crypto.h"

namespace corkboard {

BoardService::Page BoardService::list(const QString &userId, const QString &cursor, int limit)
{
    BoardRepository repo(m_deps.db);
    Page page;
    page.boards = repo.listForUser(userId, cursor, limit + 1);
    if (page.boards.size() > limit) {
        page.boards.removeLast();
        page.nextCursor = page.boards.last().id;
    }
    return page;
}

BoardSnapshot BoardService::readSnapshot(const Board &board, bool includeArchived)
{
    BoardSnapshot s;
    s.board = board;
    s.board.seq = OutboxRepository(m_deps.db).latestSeq(board.id);
    s.columns = ColumnRepository(m_deps.db).listForBoard(board.id);
    s.cards = CardRepository(m_deps.db).listForBoard(board.id, includeArchived);
    s.labels = LabelRepository(m_deps.db).listForBoard(board.id);
    s.members = BoardRepository(m_deps.db).members(board.id);
    return s;
}

BoardSnapshot BoardService::create(
    const QString &userId, const QString &name, const QString &description)
{
    Mutation m(m_deps, userId);
    Board b;
    b.id = crypto::newId();
    b.name = name;
    b.description = description;
    b.createdBy = userId;
    b.role = boardRoleName(BoardRole::Owner);
    b.createdAt = b.updatedAt = m.now();
    BoardRepository boards(m_deps.db);
    boards.insert(b);
    boards.upsertMember(b.id, userId, b.role, m.now());
    ColumnRepository columns(m_deps.db);
    const QStringList names {
        QStringLiteral("To do"), QStringLiteral("Doing"), QStringLiteral("Done")};
    const QStringList keys = position::spread(QString(), QString(), int(names.size()));
    for (int i = 0; i < names.size(); ++i) {
        Column c;
        c.id = crypto::newId();
        c.boardId = b.id;
        c.name = names.at(i);
        c.position = keys.at(i);
        c.createdAt = c.updatedAt = m.now();
        columns.insert(c);
    }
    BoardSnapshot s = readSnapshot(b, false);
    // The snapshot reflects this board's own creation event.
    m.record(QStringLiteral("board.created"), b.id, b.id, b.name, encodeJson(s));
    s.board.seq = m.events().last().seq;
    m.commit();
    return s;
}

BoardSnapshot BoardService::snapshot(
    const QString &userId, const QString &boardId, bool includeArchived)
{
    ReadTransaction read(m_deps.db);
    const auto board = BoardRepository(m_deps.db).findForMember(boardId, userId);
    if (!board)
        throw AppError::notFound(QStringLiteral("board"));
    return readSnapshot(*board, includeArchived);
}

Board BoardService::update(const QString &userId, const QString &boardId, const BoardPatch &patch,
    std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    BoardRepository repo(m_deps.db);
    auto board = repo.findForMember(boardId, userId);
    if (!board)
        throw AppError::notFound(QStringLiteral("board"));
    BoardAccess::check(*boardRoleFromName(board->role), BoardRole::Owner);
    requireVersion(ifMatch, board->version, *board);
    if (patch.name)
        board->name = *patch.name;
    if (patch.description)
        board->description = *patch.description;
    if (patch.archived)
        board->archived = *patch.archived;
    board->version += 1;
    board->updatedAt = m.now();
    repo.update(*board);
    m.record(
        QStringLiteral("board.updated"), board->id, board->id, board->name, encodeJson(*board));
    m.commit();
    return *board;
}

void BoardService::remove(
    const QString &userId, const QString &boardId, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    BoardRepository repo(m_deps.db);
    const auto board = repo.findForMember(boardId, userId);
    if (!board)
        throw AppError::notFound(QStringLiteral("board"));
    BoardAccess::check(*boardRoleFromName(board->role), BoardRole::Owner);
    requireVersion(ifMatch, board->version, *board);
    m.record(QStringLiteral("board.deleted"), board->id, board->id, board->name,
        Mutation::idData(board->id));
    repo.remove(board->id);
    m.commit();
}

} // namespace corkboard
