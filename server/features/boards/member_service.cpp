#include "server/features/boards/member_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/boards/board_repository.h"
#include "server/features/common/service_util.h"

namespace corkboard {

namespace {
AppError lastOwner()
{
    return AppError(ErrorCode::Conflict, QStringLiteral("a board must keep at least one owner"));
}
} // namespace

QList<BoardMember> MemberService::list(const QString &userId, const QString &boardId)
{
    BoardAccess(m_deps.db).require(boardId, userId, BoardRole::Viewer);
    return BoardRepository(m_deps.db).members(boardId);
}

MemberService::PutResult MemberService::put(
    const QString &userId, const QString &boardId, const QString &memberId, const QString &role)
{
    Mutation m(m_deps, userId);
    BoardAccess(m_deps.db).require(boardId, userId, BoardRole::Owner);
    BoardRepository repo(m_deps.db);
    const auto existing = repo.member(boardId, memberId);
    if (!existing && !repo.activeUserExists(memberId))
        throw AppError::notFound(QStringLiteral("user"));
    if (existing && existing->role == role)
        return {*existing, false};
    if (existing && existing->role == QLatin1String("owner") && repo.ownerCount(boardId) <= 1)
        throw lastOwner();
    repo.upsertMember(boardId, memberId, role, m.now());
    PutResult result {*repo.member(boardId, memberId), !existing};
    m.record(existing ? QStringLiteral("member.updated") : QStringLiteral("member.added"), boardId,
        memberId, result.member.displayName + QStringLiteral(": ") + role,
        encodeJson(result.member));
    m.commit();
    return result;
}

void MemberService::remove(const QString &userId, const QString &boardId, const QString &memberId)
{
    Mutation m(m_deps, userId);
    BoardAccess(m_deps.db).require(
        boardId, userId, memberId == userId ? BoardRole::Viewer : BoardRole::Owner);
    BoardRepository repo(m_deps.db);
    const auto existing = repo.member(boardId, memberId);
    if (!existing)
        throw AppError::notFound(QStringLiteral("member"));
    if (existing->role == QLatin1String("owner") && repo.ownerCount(boardId) <= 1)
        throw lastOwner();
    repo.removeAssignments(boardId, memberId);
    repo.removeMember(boardId, memberId);
    m.record(QStringLiteral("member.removed"), boardId, memberId, existing->displayName,
        Mutation::idData(memberId));
    m.commit();
}

} // namespace corkboard
