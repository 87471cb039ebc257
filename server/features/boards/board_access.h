#pragma once

#include <QString>
#include <optional>

namespace corkboard {

class Database;

//! Board roles, ordered by what they may do.
enum class BoardRole
{
    Viewer = 1,
    Editor = 2,
    Owner = 3
};

QString boardRoleName(BoardRole role);
std::optional<BoardRole> boardRoleFromName(const QString &name);

//! The one authorization rule of the board domain: non-members (server admins included) get 404
//! for `what`, members below `minimum` get 403.
class BoardAccess
{
public:
    explicit BoardAccess(Database &db)
        : m_db(db)
    {
    }

    std::optional<BoardRole> roleOf(const QString &boardId, const QString &userId);
    BoardRole require(const QString &boardId, const QString &userId, BoardRole minimum,
        const QString &what = QStringLiteral("board"));
    //! Throws 403 when `role` is below `minimum`.
    static void check(BoardRole role, BoardRole minimum);

private:
    Database &m_db;
};

} // namespace corkboard
