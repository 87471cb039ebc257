#pragma once

#include <QString>

namespace corkboard {

class Database;

//! worker_heartbeats: each worker process writes its row; the hosting server reads it (/ready).
class WorkerHeartbeatRepository
{
public:
    explicit WorkerHeartbeatRepository(Database &db);

    void beat(const QString &workerId, qint64 pid, qint64 startedAtMs, qint64 nowMs);
    void remove(const QString &workerId);
    //! The newest beat of the worker with this process id (0: none).
    qint64 lastBeatOfPid(qint64 pid);
    //! The newest beat of any worker (0: none).
    qint64 lastBeat();

private:
    Database &m_db;
};

} // namespace corkboard
