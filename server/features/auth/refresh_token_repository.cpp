#include "server/features/auth/refresh_token_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(toRfc3339(t)) : QVariant(QMetaType::fromType<QString>());
}
QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
} // namespace

RefreshTokenRepository::RefreshTokenRepository(Database &db)
    : m_db(db)
{
}

void RefreshTokenRepository::insert(const RefreshTokenRecord &r)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO refresh_tokens (id, user_id, family_id, parent_id, token_hash, "
                       "device_label, created_at, expires_at, last_used_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, r.id)
        .bind(1, r.userId)
        .bind(2, r.familyId)
        .bind(3, textOrNull(r.parentId))
        .bind(4, r.tokenHash);
    q.bind(5, r.deviceLabel).bind(6, toRfc3339(r.createdAt)).bind(7, toRfc3339(r.expiresAt));
    q.bind(8, timeOrNull(r.lastUsedAt)).exec();
}

std::optional<RefreshTokenRecord> RefreshTokenRepository::findByHash(const QString &tokenHash)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT id, user_id, family_id, parent_id, token_hash, device_label, created_at, "
            "expires_at, last_used_at, spent_at, revoked_at "
            "FROM refresh_tokens WHERE token_hash = ?"));
    q.bind(0, tokenHash).exec();
    if (!q.next())
        return std::nullopt;
    RefreshTokenRecord r;
    r.id = q.value(0).toString();
    r.userId = q.value(1).toString();
    r.familyId = q.value(2).toString();
    r.parentId = q.value(3).toString();
    r.tokenHash = q.value(4).toString();
    r.deviceLabel = q.value(5).toString();
    r.createdAt = fromRfc3339(q.value(6).toString());
    r.expiresAt = fromRfc3339(q.value(7).toString());
    r.lastUsedAt = fromRfc3339(q.value(8).toString());
    r.spentAt = fromRfc3339(q.value(9).toString());
    r.revokedAt = fromRfc3339(q.value(10).toString());
    return r;
}

bool RefreshTokenRepository::markSpent(const QString &id, const QDateTime &now)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE refresh_tokens SET spent_at = ?, last_used_at = ? "
                       "WHERE id = ? AND spent_at IS NULL AND revoked_at IS NULL"));
    const QString t = toRfc3339(now);
    q.bind(0, t).bind(1, t).bind(2, id).exec();
    return q.numRowsAffected() == 1;
}

int RefreshTokenRepository::revokeFamily(
    const QString &familyId, const QDateTime &now, const QString &reason)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? "
                       "WHERE family_id = ? AND revoked_at IS NULL"));
    q.bind(0, toRfc3339(now)).bind(1, reason).bind(2, familyId).exec();
    return q.numRowsAffected();
}

int RefreshTokenRepository::revokeFamilyOfUser(
    const QString &familyId, const QString &userId, const QDateTime &now, const QString &reason)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? "
                       "WHERE family_id = ? AND user_id = ? AND revoked_at IS NULL"));
    q.bind(0, toRfc3339(now)).bind(1, reason).bind(2, familyId).bind(3, userId).exec();
    return q.numRowsAffected();
}

QStringList RefreshTokenRepository::unrevokedFamilies(
    const QString &userId, const QString &exceptFamilyId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT DISTINCT family_id FROM refresh_tokens "
                       "WHERE user_id = ? AND family_id <> ? AND revoked_at IS NULL"));
    q.bind(0, userId).bind(1, exceptFamilyId).exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

int RefreshTokenRepository::revokeAllOfUser(const QString &userId, const QString &exceptFamilyId,
    const QDateTime &now, const QString &reason)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? "
                       "WHERE user_id = ? AND family_id <> ? AND revoked_at IS NULL"));
    q.bind(0, toRfc3339(now)).bind(1, reason).bind(2, userId).bind(3, exceptFamilyId).exec();
    return q.numRowsAffected();
}

QList<Session> RefreshTokenRepository::sessions(const QString &userId, const QDateTime &now)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT t.family_id, t.device_label, "
            "(SELECT MIN(f.created_at) FROM refresh_tokens f WHERE f.family_id = t.family_id), "
            "t.created_at, t.expires_at FROM refresh_tokens t "
            "WHERE t.user_id = ? AND t.spent_at IS NULL AND t.revoked_at IS NULL "
            "AND t.expires_at > ? ORDER BY t.created_at DESC, t.id DESC LIMIT 200"));
    q.bind(0, userId).bind(1, toRfc3339(now)).exec();
    QList<Session> out;
    while (q.next()) {
        Session s;
        s.id = q.value(0).toString();
        s.device = q.value(1).toString();
        s.createdAt = fromRfc3339(q.value(2).toString());
        s.lastUsedAt = fromRfc3339(q.value(3).toString());
        s.expiresAt = fromRfc3339(q.value(4).toString());
        out.append(s);
    }
    return out;
}

} // namespace corkboard
