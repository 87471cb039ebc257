#include "server/host/worker_process.h"

#include "server/features/jobs/job_queue.h"
#include "server/features/jobs/job_runner.h"
#include "server/features/jobs/outbox_relay.h"
#include "server/features/jobs/worker_context.h"
#include "server/features/jobs/worker_heartbeat_repository.h"
#include "server/host/job_kinds.h"
#include "server/host/unix_signals.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <unistd.h>

namespace corkboard {

namespace {
constexpr int kHeartbeatIntervalMs = 1000;
constexpr int kParentCheckMs = 250;
constexpr int kMaxJobsPerTick = 50;
} // namespace

WorkerProcess::WorkerProcess(Config config, std::shared_ptr<Clock> clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(std::move(clock))
{
    m_workerId
        = QStringLiteral("worker-%1-%2").arg(qint64(::getpid())).arg(crypto::newId().right(12));
    // Set by the supervising process; a worker started by hand has no parent to watch.
    m_parentPid = qEnvironmentVariableIntValue("CORKBOARD_WORKER_PARENT_PID");
    connect(&m_pollTimer, &QTimer::timeout, this, &WorkerProcess::tick);
    connect(&m_beatTimer, &QTimer::timeout, this, &WorkerProcess::beat);
    connect(&m_parentTimer, &QTimer::timeout, this, &WorkerProcess::checkParent);
}

WorkerProcess::~WorkerProcess() = default;

void WorkerProcess::start()
{
    m_db = std::make_unique<Database>(m_config, QStringLiteral("corkboard-worker"));
    m_queue = std::make_unique<JobQueue>(*m_db);
    m_heartbeats = std::make_unique<WorkerHeartbeatRepository>(*m_db);
    m_context = std::make_unique<WorkerContext>(
        WorkerContext {m_config, *m_clock, *m_db, *m_queue, m_workerId});
    m_runner = std::make_unique<JobRunner>(
        *m_queue, *m_clock, m_workerId, m_config.jobLeaseMs, m_config.jobRetryBaseMs);
    m_relay = std::make_unique<OutboxRelay>(*m_db);
    m_periodic = registerJobKinds(*m_runner, *m_relay, *m_context);
    m_startedAtMs = m_clock->nowMs();

    logging::write(lcJobs(), QtInfoMsg, QStringLiteral("worker started"),
        {{QStringLiteral("worker_id"), m_workerId}, {QStringLiteral("parent_pid"), m_parentPid}});
    beat();
    m_beatTimer.start(kHeartbeatIntervalMs);
    if (m_parentPid > 0) {
        checkParent();
        m_parentTimer.start(kParentCheckMs);
    }
    m_pollTimer.start(m_config.jobPollMs);
    QTimer::singleShot(0, this, &WorkerProcess::tick);
}

void WorkerProcess::stop(int exitCode)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_pollTimer.stop();
    m_beatTimer.stop();
    m_parentTimer.stop();
    try {
        if (m_heartbeats)
            m_heartbeats->remove(m_workerId);
    } catch (const std::exception &) {
        // The database may be the reason we stop; the row just ages out.
    }
    logging::write(lcJobs(), QtInfoMsg, QStringLiteral("worker stopped"),
        {{QStringLiteral("worker_id"), m_workerId}});
    Q_EMIT finished(exitCode);
}

void WorkerProcess::schedulePeriodic()
{
    const qint64 now = m_clock->nowMs();
    for (const PeriodicJob &p : std::as_const(m_periodic)) {
        const qint64 slot = now / p.intervalMs;
        JobQueue::NewJob job;
        job.kind = p.kind;
        job.idempotencyKey = QStringLiteral("periodic:%1:%2").arg(p.kind).arg(slot);
        job.runAtMs = slot * p.intervalMs;
        m_queue->enqueue(job, now);
    }
}

void WorkerProcess::tick()
{
    if (m_stopped)
        return;
    try {
        schedulePeriodic();
        // Consequences of new events first (notifications, webhook deliveries), then the jobs.
        int relayed = 0;
        while (!m_stopped && relayed < 1000) {
            const int n = m_relay->relay();
            if (n == 0)
                break;
            relayed += n;
        }
        int ran = 0;
        while (!m_stopped && ran < kMaxJobsPerTick && m_runner->runOne())
            ++ran;
        if (ran == kMaxJobsPerTick)
            QTimer::singleShot(0, this, &WorkerProcess::tick); // more waiting; let signals in first
    } catch (const std::exception &e) {
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("worker poll failed"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

void WorkerProcess::beat()
{
    try {
        m_heartbeats->beat(m_workerId, qint64(::getpid()), m_startedAtMs, m_clock->nowMs());
    } catch (const std::exception &e) {
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("worker heartbeat failed"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

void WorkerProcess::checkParent()
{
    // When the parent dies the worker is re-parented (to init or a subreaper).
    if (qint64(::getppid()) != m_parentPid) {
        logging::write(lcJobs(), QtInfoMsg, QStringLiteral("parent process is gone; worker exits"),
            {{QStringLiteral("parent_pid"), m_parentPid}});
        stop(0);
    }
}

int runWorker(const Config &config)
{
    crypto::initialize();
    WorkerProcess worker(config, clockFromEnvironment());
    // Connected before start(): a worker whose parent died while it started stops inside
    // start(), and its `finished` must still end the event loop (it was lost, and the orphan ran
    // on for good).
    QObject::connect(
        &worker, &WorkerProcess::finished, qApp, [](int code) { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
    try {
        worker.start();
    } catch (const std::exception &e) {
        logging::write(lcJobs(), QtCriticalMsg, QStringLiteral("worker failed to start"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
        return 1;
    }
    UnixSignalWatcher watcher;
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &worker,
        [&worker](int) { worker.stop(0); });
    return QCoreApplication::exec();
}

} // namespace corkboard
