#include "server/features/boards/board_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
// NOT NULL text columns: a null QString would bind as SQL NULL.
QVariant notNull(const QString &s)
{
    return s.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(s);
}

const QString kBoardColumns
    = QStringLiteral("b.id, b.name, b.description, b.archived, b.created_by, b.version, "
                     "b.created_at, b.updated_at, m.role");

Board readBoard(SqlQuery &q)
{
    Board b;
    b.id = q.value(0).toString();
    b.name = q.value(1).toString();
    b.description = q.value(2).toString();
    b.archived = q.value(3).toInt() != 0;
    b.createdBy = q.value(4).toString();
    b.version = q.value(5).toLongLong();
    b.createdAt = fromRfc3339(q.value(6).toString());
    b.updatedAt = fromRfc3339(q.value(7).toString());
    b.role = q.value(8).toString();
    return b;
}

BoardMember readMember(SqlQuery &q)
{
    BoardMember m;
    m.boardId = q.value(0).toString();
    m.userId = q.value(1).toString();
    m.displayName = q.value(2).toString();
    m.role = q.value(3).toString();
    m.addedAt = fromRfc3339(q.value(4).toString());
    return m;
}

const QString kMemberSelect = QStringLiteral(
    "SELECT m.board_id, m.user_id, u.display_name, m.role, m.created_at FROM board_members m "
    "JOIN users u ON u.id = m.user_id ");
} // namespace

void BoardRepository::insert(const Board &b)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO boards (id, name, description, archived, created_by, version, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, b.id)
        .bind(1, b.name)
        .bind(2, notNull(b.description))
        .bind(3, b.archived ? 1 : 0)
        .bind(4, b.createdBy);
    q.bind(5, b.version).bind(6, toRfc3339(b.createdAt)).bind(7, toRfc3339(b.updatedAt)).exec();
}

void BoardRepository::update(const Board &b)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE boards SET name = ?, description = ?, archived = ?, version = ?, "
                       "updated_at = ? "
                       "WHERE id = ?"));
    q.bind(0, b.name)
        .bind(1, notNull(b.description))
        .bind(2, b.archived ? 1 : 0)
        .bind(3, b.version);
    q.bind(4, toRfc3339(b.updatedAt)).bind(5, b.id).exec();
}

void BoardRepository::remove(const QString &id)
{
    // Cards reference columns without cascade: remove them first so the board's cascade succeeds.
    SqlQuery cards(m_db, QStringLiteral("DELETE FROM cards WHERE board_id = ?"));
    cards.bind(0, id).exec();
    SqlQuery q(m_db, QStringLiteral("DELETE FROM boards WHERE id = ?"));
    q.bind(0, id).exec();
}

std::optional<Board> BoardRepository::findForMember(const QString &boardId, const QString &userId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kBoardColumns
            + QStringLiteral(" FROM boards b JOIN board_members m ON m.board_id = b.id "
                             "WHERE b.id = ? AND m.user_id = ?"));
    q.bind(0, boardId).bind(1, userId).exec();
    if (!q.next())
        return std::nullopt;
    return readBoard(q);
}

QList<Board> BoardRepository::listForUser(const QString &userId, const QString &afterId, int limit)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kBoardColumns
            + QStringLiteral(" FROM board_members m JOIN boards b ON b.id = m.board_id "
                             "WHERE m.user_id = ? AND m.board_id > ? ORDER BY m.board_id LIMIT ?"));
    q.bind(0, userId).bind(1, notNull(afterId)).bind(2, limit).exec();
    QList<Board> out;
    while (q.next())
        out.append(readBoard(q));
    return out;
}

QList<BoardMember> BoardRepository::members(const QString &boardId)
{
    SqlQuery q(m_db,
        kMemberSelect + QStringLiteral("WHERE m.board_id = ? ORDER BY u.display_name, m.user_id"));
    q.bind(0, boardId).exec();
    QList<BoardMember> out;
    while (q.next())
        out.append(readMember(q));
    return out;
}

std::optional<BoardMember> BoardRepository::member(const QString &boardId, const QString &userId)
{
    SqlQuery q(m_db, kMemberSelect + QStringLiteral("WHERE m.board_id = ? AND m.user_id = ?"));
    q.bind(0, boardId).bind(1, userId).exec();
    if (!q.next())
        return std::nullopt;
    return readMember(q);
}

void BoardRepository::upsertMember(
    const QString &boardId, const QString &userId, const QString &role, const QDateTime &at)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO board_members (board_id, user_id, role, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (board_id, user_id) DO UPDATE SET role = excluded.role"));
    q.bind(0, boardId).bind(1, userId).bind(2, role).bind(3, toRfc3339(at)).exec();
}

void BoardRepository::removeMember(const QString &boardId, const QString &userId)
{
    SqlQuery q(
        m_db, QStringLiteral("DELETE FROM board_members WHERE board_id = ? AND user_id = ?"));
    q.bind(0, boardId).bind(1, userId).exec();
}

int BoardRepository::ownerCount(const QString &boardId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT COUNT(*) FROM board_members WHERE board_id = ? AND role = 'owner'"));
    q.bind(0, boardId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

void BoardRepository::removeAssignments(const QString &boardId, const QString &userId)
{
    SqlQuery q(m_db,
        QStringLiteral("DELETE FROM card_assignees WHERE user_id = ? AND card_id IN "
                       "(SELECT id FROM cards WHERE board_id = ?)"));
    q.bind(0, userId).bind(1, boardId).exec();
}

bool BoardRepository::activeUserExists(const QString &userId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT 1 FROM users WHERE id = ? AND disabled = 0"));
    q.bind(0, userId).exec();
    return q.next();
}

} // namespace corkboard
