#pragma once

#include "shared/dto/snapshot.h"

#include <QList>

namespace corkboard {

class Database;

//! The `events` outbox table: written inside the mutation's transaction, read for replay.
class OutboxRepository
{
public:
    explicit OutboxRepository(Database &db)
        : m_db(db)
    {
    }

    //! PostgreSQL, in a transaction: waits for and holds (until commit) the board's write lock,
    //! the one append takes. Taken first, it makes a mutation's reads (the next position, a
    //! role) see every change committed before it; no-op on SQLite (one writer anyway).
    static void lockBoard(Database &db, const QString &boardId);
    //! Inserts the event and fills in its seq.
    void append(EventEnvelope &event);
    //! Events of a board with seq > afterSeq, oldest first.
    QList<EventEnvelope> since(const QString &boardId, qint64 afterSeq, int limit);
    //! Every event with seq > afterSeq (all boards), oldest first.
    QList<EventEnvelope> all(qint64 afterSeq, int limit);
    //! The latest seq written for a board (0: none).
    qint64 latestSeq(const QString &boardId);

private:
    QList<EventEnvelope> read(
        const QString &sql, const QString &boardId, qint64 afterSeq, int limit);
    Database &m_db;
};

} // namespace corkboard
