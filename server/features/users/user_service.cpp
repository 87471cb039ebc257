#include "server/features/users/user_service.h"

#include "server/features/auth/auth_service.h"
#include "server/features/auth/jwt_key_store.h"
#include "server/features/auth/password_hasher.h"
#include "server/features/auth/revocation_list.h"
#include "server/features/auth/setup_gate.h"
#include "server/features/users/user_cache.h"
#include "server/http/rate_limiter.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corkboard {

UserService::UserService(const AccountDeps &deps)
    : m_deps(deps)
    , m_db(deps.db)
    , m_users(deps.db)
    , m_tokens(deps.db)
    , m_revocations(deps.db)
{
}

User UserService::load(const QString &userId)
{
    const auto record = m_users.findById(userId);
    if (!record)
        throw AppError::notFound(QStringLiteral("user"));
    return record->user;
}

void UserService::checkVersion(const User &user, std::optional<qint64> ifMatch)
{
    if (!ifMatch || *ifMatch == user.version)
        return;
    JsonWriter w(512);
    writeJson(w, user);
    throw AppError(
        ErrorCode::PreconditionFailed, QStringLiteral("the user changed since you read it"))
        .withExtra(QStringLiteral("current"), QJsonDocument::fromJson(w.data()).object());
}

User UserService::me(const QString &userId)
{
    return load(userId);
}

User UserService::updateMe(
    const QString &userId, const QString &displayName, std::optional<qint64> ifMatch)
{
    Transaction tx(m_db);
    checkVersion(load(userId), ifMatch);
    m_users.updateDisplayName(userId, displayName, m_deps.clock.now());
    const User updated = load(userId);
    tx.commit();
    return updated;
}

void UserService::changePassword(const QString &userId, const QString &currentSessionId,
    const QString &currentPassword, const QString &newPassword)
{
    const auto record = m_users.findById(userId);
    if (!record)
        throw AppError::notFound(QStringLiteral("user"));
    const QString limitKey = QStringLiteral("password-change:") + userId;
    // Check-and-count in one step before hashing (parallel requests cannot all pass the check).
    const auto decision = m_deps.authLimiter.take(limitKey);
    if (!decision.allowed) {
        logging::write(lcSecurity(), QtWarningMsg, QStringLiteral("auth rate limit reached"),
            {{QStringLiteral("action"), QStringLiteral("password_change")},
                {QStringLiteral("user_id"), userId}});
        throw AppError(ErrorCode::RateLimited, QStringLiteral("too many attempts, try again later"))
            .withRetryAfter(std::max(1, decision.retryAfterSeconds));
    }
    if (!m_deps.passwords.verify(record->passwordHash, currentPassword)) {
        throw AppError::validation(QStringLiteral("current_password"), QStringLiteral("incorrect"),
            QStringLiteral("the current password is wrong"));
    }
    m_deps.authLimiter.reset(limitKey);
    const QString hash = m_deps.passwords.hash(newPassword);
    const QDateTime now = m_deps.clock.now();
    Transaction tx(m_db);
    m_users.updatePassword(userId, hash, now);
    const QStringList others = m_tokens.unrevokedFamilies(userId, currentSessionId);
    const int revoked = m_tokens.revokeAllOfUser(
        userId, currentSessionId, now, QStringLiteral("password_changed"));
    const QList<Revocation> revocations = m_revocations.insertSessions(
        others, userId, QStringLiteral("password_changed"), now, revocationExpiry(now));
    tx.commit();
    // Every other session's access tokens and live connections end now, on every thread.
    m_deps.revocations.apply(revocations);
    logging::write(lcAuth(), QtInfoMsg, QStringLiteral("password changed"),
        {{QStringLiteral("user_id"), userId}, {QStringLiteral("sessions_revoked"), revoked}});
}

QList<UserSummary> UserService::directory(const QString &query, int limit, const QString &cursor,
    QString *nextCursor, bool adminView, bool includeDisabled)
{
    QString afterName, afterId;
    if (!cursor.isEmpty()) {
        bool ok = false;
        const auto decoded
            = QJsonDocument::fromJson(crypto::fromBase64Url(cursor.toLatin1(), &ok)).array();
        if (!ok || decoded.size() != 2 || !decoded.at(0).isString() || !decoded.at(1).isString())
            throw AppError::validation(QStringLiteral("cursor"), QStringLiteral("invalid"),
                QStringLiteral("this cursor is not valid"));
        afterName = decoded.at(0).toString();
        afterId = decoded.at(1).toString();
    }
    auto rows = m_users.search(query, limit + 1, afterName, afterId, adminView, includeDisabled);
    nextCursor->clear();
    if (rows.size() > limit) {
        rows.resize(limit);
        const QJsonArray key {rows.last().displayName, rows.last().id};
        *nextCursor = crypto::base64Url(QJsonDocument(key).toJson(QJsonDocument::Compact));
    }
    return rows;
}

User UserService::adminUpdate(const QString &actorId, const QString &userId,
    std::optional<QString> role, std::optional<bool> disabled, std::optional<qint64> ifMatch)
{
    const QDateTime now = m_deps.clock.now();
    Transaction tx(m_db);
    const User current = load(userId);
    checkVersion(current, ifMatch);
    const QString newRole = role.value_or(current.role);
    const bool newDisabled = disabled.value_or(current.disabled);
    const bool wasActiveAdmin = current.role == QLatin1String("admin") && !current.disabled;
    const bool staysActiveAdmin = newRole == QLatin1String("admin") && !newDisabled;
    if (wasActiveAdmin && !staysActiveAdmin && m_users.countActiveAdmins() <= 1)
        throw AppError(
            ErrorCode::Conflict, QStringLiteral("the server must keep at least one enabled admin"));
    m_users.updateRoleAndDisabled(userId, newRole, newDisabled, now);
    int revoked = 0;
    QList<Revocation> revocations;
    const QDateTime keepUntil = revocationExpiry(now);
    if (newDisabled && !current.disabled) {
        const QStringList families = m_tokens.unrevokedFamilies(userId, QString());
        revoked
            = m_tokens.revokeAllOfUser(userId, QString(), now, QStringLiteral("account_disabled"));
        revocations = m_revocations.insertSessions(
            families, userId, QStringLiteral("account_disabled"), now, keepUntil);
        revocations.append(m_revocations.insert(Revocation::Kind::UserDisabled, userId, userId,
            QStringLiteral("account_disabled"), now, keepUntil));
    } else if (newDisabled != current.disabled || newRole != current.role) {
        // Other instances drop their cached role/disabled state for this user at once too.
        revocations.append(m_revocations.insert(Revocation::Kind::UserChanged, userId, userId,
            QStringLiteral("role_changed"), now, keepUntil));
    }
    const User updated = load(userId);
    tx.commit();
    m_deps.revocations.apply(revocations);
    // After commit: from now on every server thread re-reads this user on its next request.
    m_deps.userCache.invalidate(userId);
    logging::write(lcAuth(), QtInfoMsg, QStringLiteral("user updated by an admin"),
        {{QStringLiteral("actor_id"), actorId}, {QStringLiteral("user_id"), userId},
            {QStringLiteral("role"), newRole}, {QStringLiteral("disabled"), newDisabled},
            {QStringLiteral("sessions_revoked"), revoked}});
    return updated;
}

} // namespace corkboard
