#pragma once

#include <QDateTime>
#include <QStringList>

namespace corkboard {

class Database;

//! SQL the live hubs need beyond the outbox reads: board membership, the sequence high-water
//! mark and retention (which removes a prefix of the outbox and records how far it went).
class LiveRepository
{
public:
    explicit LiveRepository(Database &db)
        : m_db(db)
    {
    }

    bool isMember(const QString &boardId, const QString &userId);
    QStringList memberIds(const QString &boardId);
    //! The highest seq ever written (the retention mark when the table was emptied).
    qint64 latestSeq();
    //! Every event with seq ≤ this may be gone (0: retention never removed anything).
    qint64 prunedThrough();
    //! Removes events past the newest keepCount or older than the cut-off; returns how many.
    int prune(int keepCount, const QDateTime &olderThan);

private:
    Database &m_db;
};

} // namespace corkboard
