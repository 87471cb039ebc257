#include "server/features/events/sql_live_backend.h"

#include "server/features/auth/jwt_key_store.h"
#include "server/http/request.h"
#include "server/platform/clock.h"

namespace corkboard {

SqlLiveBackend::SqlLiveBackend(const AccountDeps &deps)
    : m_jwt(deps.jwtKeys, deps.clock)
    , m_authenticator(deps)
    , m_outbox(deps.db)
    , m_live(deps.db)
{
}

VerifiedToken SqlLiveBackend::verifyToken(const QString &token)
{
    const QByteArray raw = token.toLatin1();
    const AccessClaims claims = m_jwt.verify(raw); // signature, algorithm, expiry
    // The same user check as every HTTP request (deleted or disabled accounts, current role).
    Request request;
    request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + raw});
    const Principal principal = m_authenticator.authenticate(request);
    return VerifiedToken {principal.userId, principal.role, claims.exp * 1000, claims.sid};
}

bool SqlLiveBackend::canView(const QString &boardId, const QString &userId)
{
    return m_live.isMember(boardId, userId);
}

QStringList SqlLiveBackend::viewers(const QString &boardId)
{
    return m_live.memberIds(boardId);
}

std::vector<StoredEvent> SqlLiveBackend::eventsAfter(
    const QString &boardId, qint64 since, int limit)
{
    const QList<EventEnvelope> rows = m_outbox.since(boardId, since, limit);
    std::vector<StoredEvent> out;
    out.reserve(size_t(rows.size()));
    for (const EventEnvelope &e : rows)
        out.push_back(StoredEvent {e.seq, e.boardId, e.type, e.actorId, e.at, e.data});
    return out;
}

qint64 SqlLiveBackend::latestSeq()
{
    return m_live.latestSeq();
}

qint64 SqlLiveBackend::prunedThrough()
{
    return m_live.prunedThrough();
}

int SqlLiveBackend::pruneEvents(int keepCount, const QDateTime &olderThan)
{
    return m_live.prune(keepCount, olderThan);
}

} // namespace corkboard
