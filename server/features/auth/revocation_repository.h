#pragma once

#include "server/features/auth/revocation_list.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace corkboard {

class Database;

//! How long a revocation must be remembered: until every access token it can stop has expired
//! (issued at the latest now, valid for the token lifetime plus the verifier's leeway).
QDateTime revocationExpiry(const QDateTime &now);

//! SQL for the revocations table (see 0005_revocations).
class RevocationRepository
{
public:
    explicit RevocationRepository(Database &db);

    //! Inserts one row (inside the caller's transaction) and returns it with its id.
    Revocation insert(Revocation::Kind kind, const QString &subject, const QString &userId,
        const QString &reason, const QDateTime &now, const QDateTime &expiresAt);
    //! The same for several sessions of one user.
    QList<Revocation> insertSessions(const QStringList &sessionIds, const QString &userId,
        const QString &reason, const QDateTime &now, const QDateTime &expiresAt);
    //! Rows with id > afterId, oldest first, unexpired at `now`.
    QList<Revocation> after(qint64 afterId, const QDateTime &now, int limit);
    qint64 latestId();
    //! Removes rows that expired before `cutoff`; returns how many.
    int prune(const QDateTime &cutoff);

private:
    Database &m_db;
};

} // namespace corkboard
