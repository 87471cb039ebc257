#pragma once

#include "shared/client/api_decode.h"
#include "shared/dto/auth.h"
#include "shared/dto/user.h"

#include <optional>

namespace corkboard::client {

//! Typed calls of /api/v1/auth/* and /api/v1/invites. Sign-in calls hand the tokens to the
//! ApiClient's session (refresh token to the TokenStore) before their future finishes.
class AuthApi
{
public:
    explicit AuthApi(ApiClient &client)
        : m_client(client)
    {
    }

    //! POST /auth/register → the new user, signed in. The first account becomes admin.
    QFuture<ApiResult<User>> registerAccount(const QString &email, const QString &password,
        const QString &displayName, const std::optional<QString> &inviteCode = std::nullopt);
    //! POST /auth/login → the user, signed in.
    QFuture<ApiResult<User>> login(const QString &email, const QString &password);
    //! POST /auth/logout: the server revokes the refresh token; locally the session is forgotten
    //! (memory and store) even when the server cannot be reached.
    QFuture<ApiResult<NoContent>> logout();
    //! GET /auth/sessions: my signed-in devices.
    QFuture<ApiResult<QList<Session>>> sessions();
    //! DELETE /auth/sessions/{id}.
    QFuture<ApiResult<NoContent>> revokeSession(const QString &id);

    //! POST /invites (admin) → the invite with its one-time code.
    QFuture<ApiResult<Invite>> createInvite(const QString &role = QStringLiteral("member"));
    //! GET /invites (admin).
    QFuture<ApiResult<QList<Invite>>> invites();
    //! DELETE /invites/{code} (admin).
    QFuture<ApiResult<NoContent>> deleteInvite(const QString &code);

private:
    QFuture<ApiResult<User>> signIn(ApiRequest request);
    ApiClient &m_client;
};

//! Typed calls of /api/v1/users*.
class UsersApi
{
public:
    explicit UsersApi(ApiClient &client)
        : m_client(client)
    {
    }

    QFuture<ApiResult<User>> me();
    //! PATCH /users/me; `ifMatch`: the version the form was filled from (412 when stale).
    QFuture<ApiResult<User>> updateMe(
        const QString &displayName, std::optional<qint64> ifMatch = std::nullopt);
    //! POST /users/me/password (signs out my other devices).
    QFuture<ApiResult<NoContent>> changePassword(
        const QString &currentPassword, const QString &newPassword);
    //! GET /users?q= (directory for assigning and sharing). An administrator's entries carry
    //! role and disabled; `includeDisabled` (admins only) lists disabled users too.
    QFuture<ApiResult<Page<UserSummary>>> directory(
        const QString &query, const PageRequest &page = {}, bool includeDisabled = false);
    //! PATCH /users/{id} (admin): role and/or disabled.
    QFuture<ApiResult<User>> adminUpdate(const QString &userId, const std::optional<QString> &role,
        const std::optional<bool> &disabled);

private:
    ApiClient &m_client;
};

} // namespace corkboard::client
