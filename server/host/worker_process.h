#pragma once

#include "server/platform/config.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

namespace corkboard {

class Clock;
class Database;
class JobQueue;
class JobRunner;
class OutboxRelay;
class WorkerHeartbeatRepository;
struct PeriodicJob;
struct WorkerContext;

//! `corkboard --worker`: polls the jobs table, runs due jobs one at a time, writes a heartbeat,
//! and exits by itself when the process that started it is gone.
class WorkerProcess : public QObject
{
    Q_OBJECT
public:
    WorkerProcess(Config config, std::shared_ptr<Clock> clock, QObject *parent = nullptr);
    ~WorkerProcess() override;

    //! Opens the database and starts the timers; throws AppError when the database cannot open.
    void start();
    //! Stops after the job in hand (jobs run on this thread, so there is none mid-call).
    void stop(int exitCode = 0);
    const QString &workerId() const { return m_workerId; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void tick();
    void beat();
    void checkParent();
    void schedulePeriodic();

    Config m_config;
    std::shared_ptr<Clock> m_clock;
    QString m_workerId;
    qint64 m_parentPid = 0;
    qint64 m_startedAtMs = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JobQueue> m_queue;
    std::unique_ptr<WorkerContext> m_context;
    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<OutboxRelay> m_relay;
    std::unique_ptr<WorkerHeartbeatRepository> m_heartbeats;
    QList<PeriodicJob> m_periodic;
    QTimer m_pollTimer;
    QTimer m_beatTimer;
    QTimer m_parentTimer;
    bool m_stopped = false;
};

//! Runs the worker until SIGTERM/SIGINT or until its parent exits; returns the exit status.
int runWorker(const Config &config);

} // namespace corkboard
