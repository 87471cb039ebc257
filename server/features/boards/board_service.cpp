#include "server/features/boards/board_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/boards/board_repository.h"
#include "server/features/boards/snapshot_reader.h"
#include "server/features/columns/column_repository.h"
#include "server/features/common/position_key.h"
#include "server/features/common/service_util.h"
#include "server/features/events/outbox_repository.h"
#include "server/platform/crypto.h"
#include "server/platform/sqlite_access.h"
#include "shared/json_writer.h"

#include <QJsonDocument>
#include <QJsonObject>

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

// `board` with its seq set; the body is {"data": snapshot}.
QByteArray BoardService::readSnapshot(const Board &board, bool includeArchived)
{
    QByteArray out;
    out.reserve(m_sizeHint);
    out.append("{\"data\":");
    SnapshotReader(m_deps.db).write(out, board, includeArchived);
    out.append('}');
    m_sizeHint = qMax(m_sizeHint, out.size() + out.size() / 8);
    return out;
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
    Board read = b;
    read.seq = OutboxRepository(m_deps.db).latestSeq(b.id);
    // One read path: the snapshot bytes, decoded here (a board is created rarely).
    const QByteArray body = readSnapshot(read, false);
    BoardSnapshot s = boardSnapshotFromJson(
        QJsonDocument::fromJson(body).object().value(QLatin1String("data")).toObject());
    // Event data is the same for every subscriber: no caller-specific role in it.
    BoardSnapshot shared = s;
    shared.board.role.clear();
    m.record(QStringLiteral("board.created"), b.id, b.id, b.name, encodeJson(shared));
    // The snapshot returned reflects this board's own creation event.
    s.board.seq = m.events().last().seq;
    m.commit();
    return s;
}

SnapshotBody BoardService::snapshot(
    const QString &userId, const QString &boardId, bool includeArchived, bool allowCached)
{
    // Read before the read transaction starts: a write committing from here on makes the body
    // stored below unusable for the next call.
    const quint64 generation = databaseWriteGeneration();
    ReadTransaction read(m_deps.db);
    auto board = BoardRepository(m_deps.db).findForMember(boardId, userId);
    if (!board)
        throw AppError::notFound(QStringLiteral("board"));
    board->seq = OutboxRepository(m_deps.db).latestSeq(board->id);
    QString key;
    if (m_cache) {
        key = SnapshotCache::key(board->id, board->role, includeArchived);
        if (allowCached) {
            if (auto hit = m_cache->find(key, board->seq, generation))
                return *std::move(hit);
        }
    }
    SnapshotBody out;
    out.seq = board->seq;
    out.json = readSnapshot(*board, includeArchived);
    out.etag = QByteArray::number(out.seq) + '-'
        + QByteArray::number(quint64(qHash(QByteArrayView(out.json), 0)), 16);
    if (!key.isEmpty())
        m_cache->store(key, out, generation);
    return out;
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
    Board shared = *board;
    shared.role.clear();
    m.record(
        QStringLiteral("board.updated"), board->id, board->id, board->name, encodeJson(shared));
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
