#pragma once

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace corkboard {

class Database;
class WorkerHeartbeatRepository;
struct ServerContext;

//! Starts one `corkboard --worker` child with the host's settings, restarts it with backoff
//! (1 s doubling to 60 s, reset after a minute of good running) when it exits, copies its
//! heartbeat into ServerContext for /ready, and stops it on shutdown.
class WorkerSupervisor : public QObject
{
    Q_OBJECT
public:
    //! program: the executable to run (default: this one).
    explicit WorkerSupervisor(
        ServerContext &context, QString program = QString(), QObject *parent = nullptr);
    ~WorkerSupervisor() override;

    void start();
    //! SIGTERM, then SIGKILL after `graceMs`; blocks at most that long.
    void stop(int graceMs = 5000);
    qint64 workerPid() const;
    int restarts() const { return m_restarts; }

    //! The child's environment: the host's, plus the host's own flags as CORKBOARD_* variables;
    //! its command line is only `--worker` (nothing secret, nothing that ps would show).
    static QProcessEnvironment workerEnvironment(const QStringList &hostArguments,
        const QProcessEnvironment &hostEnvironment, const QString &dataDir,
        const QString &databaseUrl, const QString &databasePassword = QString());

private:
    void launch();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void pollHeartbeat();

    ServerContext &m_context;
    QString m_program;
    QProcess *m_process = nullptr;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<WorkerHeartbeatRepository> m_heartbeats;
    QTimer m_restartTimer;
    QTimer m_heartbeatTimer;
    qint64 m_launchedAtMs = 0;
    int m_backoffMs = 1000;
    int m_restarts = 0;
    bool m_stopping = false;
};

} // namespace corkboard
