#include "server/features/auth/revocation_repository.h"

#include "server/features/auth/jwt_codec.h"
#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

QDateTime revocationExpiry(const QDateTime &now)
{
    return now.addSecs(JwtCodec::kLifetimeSeconds + JwtCodec::kLeewaySeconds + 60);
}

RevocationRepository::RevocationRepository(Database &db)
    : m_db(db)
{
}

Revocation RevocationRepository::insert(Revocation::Kind kind, const QString &subject,
    const QString &userId, const QString &reason, const QDateTime &now, const QDateTime &expiresAt)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO revocations (kind, subject, user_id, reason, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    q.bind(0, Revocation::kindName(kind)).bind(1, subject).bind(2, userId).bind(3, reason);
    q.bind(4, toRfc3339(now)).bind(5, toRfc3339(expiresAt)).exec();
    Revocation r;
    r.id = q.next() ? q.value(0).toLongLong() : 0; // RETURNING: both engines, no lastInsertId
    r.kind = kind;
    r.subject = subject;
    r.userId = userId;
    r.expiresAtMs = expiresAt.toMSecsSinceEpoch();
    return r;
}

QList<Revocation> RevocationRepository::insertSessions(const QStringList &sessionIds,
    const QString &userId, const QString &reason, const QDateTime &now, const QDateTime &expiresAt)
{
    QList<Revocation> out;
    for (const QString &sid : sessionIds)
        out.append(insert(Revocation::Kind::Session, sid, userId, reason, now, expiresAt));
    return out;
}

QList<Revocation> RevocationRepository::after(qint64 afterId, const QDateTime &now, int limit)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT id, kind, subject, user_id, expires_at FROM revocations "
                       "WHERE id > ? AND expires_at > ? ORDER BY id LIMIT ?"));
    q.bind(0, afterId).bind(1, toRfc3339(now)).bind(2, limit).exec();
    QList<Revocation> out;
    while (q.next()) {
        Revocation r;
        if (!Revocation::kindFromName(q.value(1).toString(), &r.kind))
            continue;
        r.id = q.value(0).toLongLong();
        r.subject = q.value(2).toString();
        r.userId = q.value(3).toString();
        r.expiresAtMs = fromRfc3339(q.value(4).toString()).toMSecsSinceEpoch();
        out.append(r);
    }
    return out;
}

qint64 RevocationRepository::latestId()
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM revocations"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

int RevocationRepository::prune(const QDateTime &cutoff)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM revocations WHERE expires_at < ?"));
    q.bind(0, toRfc3339(cutoff)).exec();
    return q.numRowsAffected();
}

} // namespace corkboard
