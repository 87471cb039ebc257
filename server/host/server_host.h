#pragma once

#include "server/platform/config.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <memory>
#include <vector>

class QThread;

namespace corkboard {

struct ServerContext;
class HttpWorker;
class Clock;
class DataDirLock;

//! Accepts connections on the listening socket and deals them round-robin to the server threads.
class Acceptor : public QTcpServer
{
    Q_OBJECT
public:
    explicit Acceptor(std::vector<HttpWorker *> workers, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::vector<HttpWorker *> m_workers;
    size_t m_next = 0;
};

//! Runs the server: migrations, N server threads, the acceptor, orderly shutdown.
//! Used by `--serve` and embedded in the desktop app.
class ServerHost : public QObject
{
    Q_OBJECT
public:
    explicit ServerHost(
        Config config, std::shared_ptr<Clock> clock = nullptr, QObject *parent = nullptr);
    ~ServerHost() override;

    //! Migrates, starts the threads and listens; throws AppError or std::runtime_error on failure.
    void start();
    quint16 port() const;
    QString baseUrl() const;
    ServerContext &context() { return *m_context; }
    //! Stop accepting, let in-flight requests finish (bounded), then emit stopped().
    void shutdown();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void stopped();

private:
    void stopThreads();

    std::unique_ptr<ServerContext> m_context;
    std::vector<QThread *> m_threads;
    std::vector<HttpWorker *> m_workers;
    Acceptor *m_acceptor = nullptr;
    //! Held shared while serving (see DataDirLock: --restore needs it exclusively).
    std::unique_ptr<DataDirLock> m_dataDirLock;
    int m_pendingDrains = 0;
    bool m_running = false;
    bool m_stopping = false;
};

//! Opens the database, applies pending migrations (with a backup first); used at start-up.
void migrateAtStartup(const Config &config);

} // namespace corkboard
