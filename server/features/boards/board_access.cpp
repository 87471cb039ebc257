#include "server/features/boards/board_access.h"

#include "server/features/events/outbox_repository.h"
#include "server/platform/app_error.h"
#include "server/platform/database.h"

namespace corkboard {

QString boardRoleName(BoardRole role)
{
    switch (role) {
    case BoardRole::Owner:
        return QStringLiteral("owner");
    case BoardRole::Editor:
        return QStringLiteral("editor");
    case BoardRole::Viewer:
        return QStringLiteral("viewer");
    }
    return QString();
}

std::optional<BoardRole> boardRoleFromName(const QString &name)
{
    if (name == QLatin1String("owner"))
        return BoardRole::Owner;
    if (name == QLatin1String("editor"))
        return BoardRole::Editor;
    if (name == QLatin1String("viewer"))
        return BoardRole::Viewer;
    return std::nullopt;
}

std::optional<BoardRole> BoardAccess::roleOf(const QString &boardId, const QString &userId)
{
    SqlQuery q(
        m_db, QStringLiteral("SELECT role FROM board_members WHERE board_id = ? AND user_id = ?"));
    q.bind(0, boardId).bind(1, userId).exec();
    if (!q.next())
        return std::nullopt;
    return boardRoleFromName(q.value(0).toString());
}

void BoardAccess::check(BoardRole role, BoardRole minimum)
{
    if (int(role) < int(minimum))
        throw AppError(
            ErrorCode::Forbidden, QStringLiteral("your role on this board does not allow this"));
}

BoardRole BoardAccess::require(
    const QString &boardId, const QString &userId, BoardRole minimum, const QString &what)
{
    // In a mutation on PostgreSQL: one writer per board from here to commit (instances and
    // threads alike), so positions computed below never collide and the role is current.
    OutboxRepository::lockBoard(m_db, boardId);
    const auto role = roleOf(boardId, userId);
    if (!role)
        throw AppError::notFound(what);
    check(*role, minimum);
    return *role;
}

} // namespace corkboard
