#include "server/features/events/outbox_repository.h"

#include "server/platform/database.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

namespace corkboard {

void OutboxRepository::lockBoard(Database &db, const QString &boardId)
{
    if (!db.isPostgres() || !db.inTransaction())
        return;
    // A transaction-scoped advisory lock on the board id (taking it again is free), so it also
    // covers a board deleted in this transaction.
    SqlQuery lock(db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"));
    lock.bind(0, boardId).exec();
}

void OutboxRepository::append(EventEnvelope &event)
{
    // Gapless per board in commit order: the seq is drawn while this transaction holds the
    // board's lock (until it commits), so a later seq of the same board never commits before an
    // earlier one and a reader by `seq > n` never skips one. A sequence alone is not enough (a
    // later number can commit first).
    lockBoard(m_db, event.boardId);
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO events (type, board_id, actor_id, at, data) "
                       "VALUES (?, ?, ?, ?, ?) RETURNING seq"));
    q.bind(0, event.type)
        .bind(1, event.boardId)
        .bind(2, event.actorId)
        .bind(3, toRfc3339(event.at));
    q.bind(4, QString::fromUtf8(event.data));
    q.exec();
    event.seq = q.next() ? q.value(0).toLongLong() : 0;
    if (m_db.isPostgres()) {
        // Every instance's live hubs hear of it when this transaction commits (OutboxPump).
        SqlQuery notify(m_db, QStringLiteral("SELECT pg_notify('corkboard_events', ?)"));
        notify.bind(0, QString(event.boardId + QLatin1Char(' ') + QString::number(event.seq)))
            .exec();
    }
}

QList<EventEnvelope> OutboxRepository::read(
    const QString &sql, const QString &boardId, qint64 afterSeq, int limit)
{
    SqlQuery q(m_db, sql);
    int i = 0;
    if (!boardId.isNull())
        q.bind(i++, boardId);
    q.bind(i, afterSeq);
    q.bind(i + 1, limit);
    q.exec();
    QList<EventEnvelope> out;
    while (q.next()) {
        EventEnvelope e;
        e.seq = q.value(0).toLongLong();
        e.type = q.value(1).toString();
        e.boardId = q.value(2).toString();
        e.actorId = q.value(3).toString();
        e.at = fasttime::storedTime(q.value(4).toString());
        e.data = q.value(5).toString().toUtf8();
        out.append(e);
    }
    return out;
}

QList<EventEnvelope> OutboxRepository::since(const QString &boardId, qint64 afterSeq, int limit)
{
    return read(QStringLiteral("SELECT seq, type, board_id, actor_id, at, data FROM events WHERE "
                               "board_id = ? AND seq > ? "
                               "ORDER BY seq LIMIT ?"),
        boardId, afterSeq, limit);
}

QList<EventEnvelope> OutboxRepository::all(qint64 afterSeq, int limit)
{
    return read(QStringLiteral("SELECT seq, type, board_id, actor_id, at, data FROM events WHERE "
                               "seq > ? ORDER BY seq LIMIT ?"),
        QString(), afterSeq, limit);
}

qint64 OutboxRepository::latestSeq(const QString &boardId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE board_id = ?"));
    q.bind(0, boardId).exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace corkboard
