#pragma once

#include "server/features/auth/account_deps.h"
#include "server/features/auth/refresh_token_repository.h"
#include "server/features/auth/revocation_repository.h"
#include "server/features/users/user_repository.h"
#include "shared/dto/user.h"

#include <optional>

namespace corkboard {

//! The signed-in user's own account, the directory, and admin user management.
class UserService
{
public:
    explicit UserService(const AccountDeps &deps);

    User me(const QString &userId);
    User updateMe(const QString &userId, const QString &displayName, std::optional<qint64> ifMatch);
    //! Checks the current password, stores the new one and revokes every other session.
    void changePassword(const QString &userId, const QString &currentSessionId,
        const QString &currentPassword, const QString &newPassword);
    //! Directory page; `cursor` is opaque (from the previous page's next_cursor). `adminView`
    //! (callers who are admins): with role and disabled; `includeDisabled`: disabled users too.
    QList<UserSummary> directory(const QString &query, int limit, const QString &cursor,
        QString *nextCursor, bool adminView = false, bool includeDisabled = false);
    //! Admin: role and/or disabled. Keeps at least one enabled admin; disabling signs the user out.
    User adminUpdate(const QString &actorId, const QString &userId, std::optional<QString> role,
        std::optional<bool> disabled, std::optional<qint64> ifMatch);

private:
    User load(const QString &userId);
    static void checkVersion(const User &user, std::optional<qint64> ifMatch);

    AccountDeps m_deps;
    Database &m_db;
    UserRepository m_users;
    RefreshTokenRepository m_tokens;
    RevocationRepository m_revocations;
};

} // namespace corkboard
