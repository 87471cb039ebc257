#pragma once

#include "shared/dto/board.h"

#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for boards and their members.
class BoardRepository
{
public:
    explicit BoardRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const Board &board);
    void update(const Board &board);
    void remove(const QString &id);
    //! The board with the caller's role, or nullopt when it is missing or they are not a member.
    std::optional<Board> findForMember(const QString &boardId, const QString &userId);
    //! Boards the user belongs to with id > afterId, ordered by id.
    QList<Board> listForUser(const QString &userId, const QString &afterId, int limit);

    QList<BoardMember> members(const QString &boardId);
    std::optional<BoardMember> member(const QString &boardId, const QString &userId);
    void upsertMember(
        const QString &boardId, const QString &userId, const QString &role, const QDateTime &at);
    void removeMember(const QString &boardId, const QString &userId);
    int ownerCount(const QString &boardId);
    //! Drops the user's card assignments on this board (when they leave it).
    void removeAssignments(const QString &boardId, const QString &userId);
    //! True when an active (not disabled) user with this id exists.
    bool activeUserExists(const QString &userId);

private:
    Database &m_db;
};

} // namespace corkboard
