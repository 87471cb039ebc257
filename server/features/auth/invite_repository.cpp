#include "server/features/auth/invite_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

InviteRepository::InviteRepository(Database &db)
    : m_db(db)
{
}

void InviteRepository::insert(const QString &codeHash, const Invite &invite)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO invites (code_hash, code_prefix, role, created_by, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bind(0, codeHash).bind(1, invite.codePrefix).bind(2, invite.role).bind(3, invite.createdBy);
    q.bind(4, toRfc3339(invite.createdAt)).bind(5, toRfc3339(invite.expiresAt)).exec();
}

std::optional<QString> InviteRepository::usableRole(const QString &codeHash, const QDateTime &now)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT role FROM invites WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?"));
    q.bind(0, codeHash).bind(1, toRfc3339(now)).exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool InviteRepository::consume(const QString &codeHash, const QString &userId, const QDateTime &now)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE invites SET used_at = ?, used_by = ? "
                       "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?"));
    const QString t = toRfc3339(now);
    q.bind(0, t).bind(1, userId).bind(2, codeHash).bind(3, t).exec();
    return q.numRowsAffected() == 1;
}

bool InviteRepository::remove(const QString &codeHash)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM invites WHERE code_hash = ?"));
    q.bind(0, codeHash).exec();
    return q.numRowsAffected() == 1;
}

QList<Invite> InviteRepository::list(int limit)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT code_prefix, role, created_by, created_at, expires_at, used_at "
                       "FROM invites ORDER BY created_at DESC, code_hash LIMIT ?"));
    q.bind(0, limit).exec();
    QList<Invite> out;
    while (q.next()) {
        Invite i;
        i.codePrefix = q.value(0).toString();
        i.role = q.value(1).toString();
        i.createdBy = q.value(2).toString();
        i.createdAt = fromRfc3339(q.value(3).toString());
        i.expiresAt = fromRfc3339(q.value(4).toString());
        i.usedAt = fromRfc3339(q.value(5).toString());
        out.append(i);
    }
    return out;
}

} // namespace corkboard
