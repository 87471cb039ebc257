#include "server/features/jobs/outbox_relay.h"

#include "server/platform/database.h"
#include "server/platform/sql_dialect.h"

#include <QJsonDocument>

namespace corkboard {

OutboxRelay::OutboxRelay(Database &db, QString cursorName)
    : m_db(db)
    , m_cursorName(std::move(cursorName))
{
}

int OutboxRelay::relay(int limit)
{
    if (m_consumers.isEmpty())
        return 0;
    if (!m_checkedTable) {
        SqlQuery t(m_db, sql::countTablesNamed(m_db));
        t.bind(0, QStringLiteral("events")).exec();
        m_hasEvents = t.next() && t.value(0).toInt() > 0;
        m_checkedTable = true;
    }
    if (!m_hasEvents)
        return 0;
    // Cheap look first, so an idle worker does not take the write lock on every poll.
    SqlQuery peek(m_db,
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM events WHERE seq > "
                       "coalesce((SELECT position FROM job_cursors WHERE name = :name), 0))"));
    peek.bind(QStringLiteral(":name"), m_cursorName).exec();
    if (!peek.next() || peek.value(0).toInt() == 0)
        return 0;
    Transaction tx(m_db);
    if (m_db.isPostgres()) {
        // Read committed does not serialise two workers' relays the way BEGIN IMMEDIATE does:
        // the second waits here until the first has committed the moved cursor.
        SqlQuery lock(
            m_db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))"));
        lock.bind(
                QStringLiteral(":name"), QString(QStringLiteral("corkboard.relay:") + m_cursorName))
            .exec();
    }
    SqlQuery cursor(m_db, QStringLiteral("SELECT position FROM job_cursors WHERE name = :name"));
    cursor.bind(QStringLiteral(":name"), m_cursorName).exec();
    const qint64 after = cursor.next() ? cursor.value(0).toLongLong() : 0;

    SqlQuery q(m_db,
        QStringLiteral("SELECT seq, type, board_id, actor_id, at, data FROM events "
                       "WHERE seq > :after ORDER BY seq LIMIT :limit"));
    q.bind(QStringLiteral(":after"), after).bind(QStringLiteral(":limit"), limit).exec();
    QList<OutboxEvent> events;
    while (q.next()) {
        OutboxEvent e;
        e.seq = q.value(0).toLongLong();
        e.type = q.value(1).toString();
        e.boardId = q.value(2).toString();
        e.actorId = q.value(3).toString();
        e.at = q.value(4).toString();
        e.dataJson = q.value(5).toString().toUtf8();
        e.data = QJsonDocument::fromJson(e.dataJson).object();
        events.append(std::move(e));
    }
    keepCommittedPrefix(after, events);
    if (events.isEmpty())
        return 0;
    for (const OutboxEvent &e : std::as_const(events)) {
        for (const Consumer &consumer : std::as_const(m_consumers))
            consumer(e);
    }
    SqlQuery advance(m_db,
        QStringLiteral("INSERT INTO job_cursors (name, position) VALUES (:name, :pos1) "
                       "ON CONFLICT (name) DO UPDATE SET position = :pos2"));
    advance.bind(QStringLiteral(":name"), m_cursorName)
        .bind(QStringLiteral(":pos1"), events.last().seq)
        .bind(QStringLiteral(":pos2"), events.last().seq)
        .exec();
    tx.commit();
    return int(events.size());
}

void OutboxRelay::keepCommittedPrefix(qint64 after, QList<OutboxEvent> &events)
{
    // PostgreSQL: a later seq can commit before an earlier one (other boards, other instances);
    // moving the cursor past a gap would skip the earlier event for good. Stop before a gap
    // until it has been open for kGapGraceMs: by then it is a rolled-back write, not a slow one.
    if (!m_db.isPostgres())
        return;
    qint64 expected = after + 1;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const qint64 seq = events.at(i).seq;
        if (seq != expected) {
            if (m_gapAt != expected) {
                m_gapAt = expected;
                m_gapOpen.start();
            }
            if (m_gapOpen.elapsed() < kGapGraceMs) {
                events.resize(i);
                return;
            }
        }
        expected = seq + 1;
    }
}

} // namespace corkboard
