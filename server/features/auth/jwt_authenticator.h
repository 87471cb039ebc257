#pragma once

#include "server/features/auth/account_deps.h"
#include "server/features/auth/jwt_codec.h"
#include "server/features/auth/revocation_list.h"
#include "server/features/users/user_repository.h"
#include "server/http/pipeline.h"

namespace corkboard {

//! The pipeline's auth hook: a valid Bearer access token of an existing, enabled user. The
//! user check goes through the shared TTL cache, so disabling takes effect on the next request;
//! a token whose session (`sid`) was revoked is refused from the moment the revocation is known.
class JwtAuthenticator final : public Authenticator
{
public:
    explicit JwtAuthenticator(const AccountDeps &deps);
    Principal authenticate(const Request &request) override;

private:
    UserCache &m_cache;
    JwtCodec m_jwt;
    RevocationList::Reader m_revoked;
    UserRepository m_users;
};

//! Throws FORBIDDEN unless the principal has the role (admins pass every check).
void requireRole(const Principal &principal, const QString &role);

} // namespace corkboard
