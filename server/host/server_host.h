#pragma once

#include "server/http/connection_limits.h"
#include "server/platform/config.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <memory>
#include <vector>

class QThread;

namespace corkboard {

struct ServerContext;
class HttpWorker;
class JwtKeySync;
class RevocationFeed;
class Clock;
class DataDirLock;
class ServiceAdvertiser;

//! Accepts connections on the listening socket and deals them round-robin to the server threads.
//! The one place that counts connections in (global and per-address caps): what is over a cap is
//! still accepted, so it can be told so (503/429) by a server thread, then closed.
class Acceptor : public QTcpServer
{
    Q_OBJECT
public:
    Acceptor(
        std::vector<HttpWorker *> workers, ConnectionLimiter &limiter, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void logRefusals();

    std::vector<HttpWorker *> m_workers;
    ConnectionLimiter &m_limiter;
    size_t m_next = 0;
    qint64 m_refusedSinceLog = 0;
    QTimer m_refusalLog;
};

//! Runs the server: migrations, N server threads, the acceptor, orderly shutdown.
//! Used by `--serve` and embedded in the desktop app.
class RequestLane;

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
    //! The address actually listened on (the desktop stays on loopback until an account exists).
    QString listenHost() const { return m_listenHost; }
    QString baseUrl() const;
    //! The one-time code the first registration needs (empty: none; see SetupGate). Only for
    //! the console and the log of `--serve`.
    QString setupCode() const { return m_setupCode; }
    ServerContext &context() { return *m_context; }
    //! "AB:CD:…" of the certificate served (empty: plain HTTP).
    QString tlsFingerprint() const;
    //! SIGHUP: reads CORKBOARD_TLS_CERT/KEY again; new connections use them, open ones keep
    //! theirs. A bad pair is logged and the current one kept. Returns whether it changed.
    bool reloadTls();
    //! Stop accepting, let in-flight requests finish (bounded), then emit stopped().
    void shutdown();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void stopped();

private:
    void stopThreads();
    //! SQLite: the write lane's thread, with its own connection and handlers.
    void startWriteLane();
    //! Decides the first-start rules (setup code, loopback) and returns the address to listen on.
    QString prepareFirstStart();
    //! HTTPS beyond loopback (or always with CORKBOARD_TLS=on), unless --insecure-http.
    void prepareTls();

    std::unique_ptr<ServerContext> m_context;
    std::vector<QThread *> m_threads;
    std::vector<HttpWorker *> m_workers;
    //! SQLite: the write lane's thread, its handlers (a worker without connections) and the lane.
    QThread *m_laneThread = nullptr;
    HttpWorker *m_laneWorker = nullptr;
    RequestLane *m_lane = nullptr;
    Acceptor *m_acceptor = nullptr;
    RevocationFeed *m_revocationFeed = nullptr;
    JwtKeySync *m_jwtKeySync = nullptr;
    std::unique_ptr<ServiceAdvertiser> m_advertiser; //!< DNS-SD, beyond loopback only
    void advertise();
    QString m_listenHost;
    QString m_setupCode;
    //! Held shared while serving (see DataDirLock: --restore needs it exclusively).
    std::unique_ptr<DataDirLock> m_dataDirLock;
    int m_pendingDrains = 0;
    bool m_running = false;
    bool m_stopping = false;
};

//! Opens the database, applies pending migrations (with a backup first); used at start-up.
void migrateAtStartup(const Config &config);

} // namespace corkboard
