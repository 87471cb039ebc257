#include "server/features/jobs/worker_heartbeat_repository.h"

#include "server/platform/database.h"

namespace corkboard {

WorkerHeartbeatRepository::WorkerHeartbeatRepository(Database &db)
    : m_db(db)
{
}

void WorkerHeartbeatRepository::beat(
    const QString &workerId, qint64 pid, qint64 startedAtMs, qint64 nowMs)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO worker_heartbeats (worker_id, pid, started_at, beat_at) "
                       "VALUES (:id, :pid, :started, :beat1) "
                       "ON CONFLICT (worker_id) DO UPDATE SET beat_at = :beat2"));
    q.bind(QStringLiteral(":id"), workerId)
        .bind(QStringLiteral(":pid"), pid)
        .bind(QStringLiteral(":started"), startedAtMs)
        .bind(QStringLiteral(":beat1"), nowMs)
        .bind(QStringLiteral(":beat2"), nowMs)
        .exec();
}

void WorkerHeartbeatRepository::remove(const QString &workerId)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM worker_heartbeats WHERE worker_id = :id"));
    q.bind(QStringLiteral(":id"), workerId).exec();
}

qint64 WorkerHeartbeatRepository::lastBeatOfPid(qint64 pid)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT coalesce(max(beat_at), 0) FROM worker_heartbeats WHERE pid = :pid"));
    q.bind(QStringLiteral(":pid"), pid).exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 WorkerHeartbeatRepository::lastBeat()
{
    SqlQuery q(m_db, QStringLiteral("SELECT coalesce(max(beat_at), 0) FROM worker_heartbeats"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace corkboard
