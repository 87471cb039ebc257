#include "server/features/auth/jwt_authenticator.h"

#include "server/features/auth/jwt_key_store.h"
#include "server/features/users/user_cache.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"

namespace corkboard {

JwtAuthenticator::JwtAuthenticator(const AccountDeps &deps)
    : m_cache(deps.userCache)
    , m_jwt(deps.jwtKeys, deps.clock)
    , m_revoked(deps.revocations)
    , m_users(deps.db)
{
}

Principal JwtAuthenticator::authenticate(const Request &request)
{
    const QByteArray header = request.header("Authorization");
    if (header.isEmpty())
        throw AppError(ErrorCode::Unauthenticated, QStringLiteral("sign in first"));
    if (header.size() < 8 || qstrnicmp(header.constData(), "Bearer ", 7) != 0)
        throw AppError(ErrorCode::Unauthenticated,
            QStringLiteral("send the access token as 'Authorization: Bearer <token>'"));
    const AccessClaims claims = m_jwt.verify(header.mid(7).trimmed());
    if (!claims.sid.isEmpty() && m_revoked.isRevoked(claims.sid))
        throw AppError(ErrorCode::Unauthenticated,
            QStringLiteral("this session has been signed out; sign in again"));

    UserCache &cache = m_cache;
    auto state = cache.get(claims.sub);
    if (!state) {
        const quint64 generation = cache.generation();
        state = m_users.authState(claims.sub);
        if (state)
            cache.put(claims.sub, *state, generation);
    }
    if (!state)
        throw AppError(ErrorCode::Unauthenticated, QStringLiteral("this account no longer exists"));
    if (state->disabled)
        throw AppError(ErrorCode::Unauthenticated, QStringLiteral("this account is disabled"));
    // The role is the current one, not the one signed into the token: a demotion applies at once.
    return Principal {claims.sub, state->role, claims.sid};
}

void requireRole(const Principal &principal, const QString &role)
{
    if (principal.isAdmin() || principal.role == role)
        return;
    throw AppError(ErrorCode::Forbidden, QStringLiteral("this needs the %1 role").arg(role));
}

} // namespace corkboard
