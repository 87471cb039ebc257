#include "server/host/worker_supervisor.h"

#include "server/features/common/server_context.h"
#include "server/features/jobs/worker_heartbeat_repository.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcessEnvironment>
#include <unistd.h>

namespace corkboard {

namespace {
constexpr int kInitialBackoffMs = 1000;
constexpr int kMaxBackoffMs = 60000;
constexpr qint64 kHealthyRunMs = 60000;
constexpr int kHeartbeatPollMs = 1000;

qint64 monotonicMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

WorkerSupervisor::WorkerSupervisor(ServerContext &context, QString program, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_program(program.isEmpty() ? QCoreApplication::applicationFilePath() : std::move(program))
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &WorkerSupervisor::launch);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &WorkerSupervisor::pollHeartbeat);
}

WorkerSupervisor::~WorkerSupervisor()
{
    stop(3000);
}

QProcessEnvironment WorkerSupervisor::workerEnvironment(const QStringList &hostArguments,
    const QProcessEnvironment &hostEnvironment, const QString &dataDir, const QString &databaseUrl,
    const QString &databasePassword)
{
    // The settings travel in the environment (readable only by this user), never in argv: the
    // host's flags become the variables that mean the same, and win as flags would.
    QProcessEnvironment env = hostEnvironment;
    const auto settings = flagsAsEnvironment(hostArguments);
    for (const auto &setting : settings)
        env.insert(setting.first, setting.second);
    // The host may have derived these (desktop defaults): pass what it actually uses.
    env.insert(QStringLiteral("CORKBOARD_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("CORKBOARD_DATABASE_URL"), databaseUrl);
    // PostgreSQL: the password the host was given (its file, or the value), in the environment.
    if (!databasePassword.isEmpty()
        && !env.contains(QStringLiteral("CORKBOARD_DATABASE_PASSWORD_FILE")))
        env.insert(QStringLiteral("CORKBOARD_DATABASE_PASSWORD"), databasePassword);
    // The worker signs no tokens: it never gets the signing secret.
    env.remove(QStringLiteral("CORKBOARD_JWT_SECRET"));
    env.remove(QStringLiteral("CORKBOARD_JWT_SECRET_FILE"));
    env.insert(QStringLiteral("CORKBOARD_WORKER_PARENT_PID"), QString::number(qint64(::getpid())));
    return env;
}

void WorkerSupervisor::start()
{
    m_stopping = false;
    try {
        m_db = std::make_unique<Database>(m_context.config, QStringLiteral("corkboard-supervisor"));
        m_heartbeats = std::make_unique<WorkerHeartbeatRepository>(*m_db);
    } catch (const std::exception &e) {
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("supervisor cannot read heartbeats"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
    m_heartbeatTimer.start(kHeartbeatPollMs);
    launch();
}

void WorkerSupervisor::launch()
{
    if (m_stopping)
        return;
    if (qEnvironmentVariableIsSet("CORKBOARD_WORKER_PARENT_PID")) {
        // This process was itself started as a worker but is hosting a server: its program did
        // not understand --worker (an embedder such as a test binary). Launching again would
        // recurse without end; run without a worker and say so.
        logging::write(lcJobs(), QtCriticalMsg,
            QStringLiteral("not starting a worker from a worker process: the program does not "
                           "understand --worker"),
            {{QStringLiteral("program"), m_program}});
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    m_process->setArguments({QStringLiteral("--worker")});
    m_process->setProcessEnvironment(workerEnvironment(QCoreApplication::arguments(),
        QProcessEnvironment::systemEnvironment(), m_context.config.dataDir,
        m_context.config.databaseUrl, m_context.config.databasePassword));
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    connect(m_process, &QProcess::finished, this, &WorkerSupervisor::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFinished(-1, QProcess::CrashExit);
    });
    m_launchedAtMs = monotonicMs();
    m_process->start();
    logging::write(lcJobs(), QtInfoMsg, QStringLiteral("worker launched"),
        {{QStringLiteral("pid"), m_process->processId()},
            {QStringLiteral("restarts"), m_restarts}});
}

void WorkerSupervisor::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    if (m_stopping)
        return;
    if (monotonicMs() - m_launchedAtMs > kHealthyRunMs)
        m_backoffMs = kInitialBackoffMs;
    logging::write(lcJobs(), QtWarningMsg, QStringLiteral("worker exited; restarting"),
        {{QStringLiteral("exit_code"), exitCode},
            {QStringLiteral("crashed"), status == QProcess::CrashExit},
            {QStringLiteral("restart_in_ms"), m_backoffMs}});
    ++m_restarts;
    m_restartTimer.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, kMaxBackoffMs);
}

void WorkerSupervisor::stop(int graceMs)
{
    m_stopping = true;
    m_restartTimer.stop();
    m_heartbeatTimer.stop();
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(graceMs)) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
    delete process;
    logging::write(lcJobs(), QtInfoMsg, QStringLiteral("worker stopped by its host"));
}

qint64 WorkerSupervisor::workerPid() const
{
    return m_process ? m_process->processId() : 0;
}

void WorkerSupervisor::pollHeartbeat()
{
    if (!m_heartbeats || !m_process)
        return;
    try {
        const qint64 beat = m_heartbeats->lastBeatOfPid(m_process->processId());
        if (beat > 0)
            m_context.workerHeartbeatMs.store(beat);
    } catch (const std::exception &) {
        // /ready shows the stale heartbeat; the database check reports the cause.
    }
}

} // namespace corkboard
