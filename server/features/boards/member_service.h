#pragma once

#include "server/features/events/mutation.h"
#include "shared/dto/board.h"

namespace corkboard {

//! Board membership: list, add or change a role (owners), remove (owners, or yourself to leave).
//! A board always keeps at least one owner.
class MemberService
{
public:
    explicit MemberService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    QList<BoardMember> list(const QString &userId, const QString &boardId);
    struct PutResult
    {
        BoardMember member;
        bool created = false;
    };
    PutResult put(const QString &userId, const QString &boardId, const QString &memberId,
        const QString &role);
    void remove(const QString &userId, const QString &boardId, const QString &memberId);

private:
    ServiceDeps m_deps;
};

} // namespace corkboard
