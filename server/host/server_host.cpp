#include "server/host/server_host.h"

#include "server/features/auth/jwt_key_sync.h"
#include "server/features/auth/revocation_feed.h"
#include "server/features/common/server_context.h"
#include "server/features/users/user_repository.h"
#include "server/host/http_worker.h"
#include "server/host/request_lane.h"
#include "server/http/http_server.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/config_database.h"
#include "server/platform/crypto.h"
#include "server/platform/data_dir_lock.h"
#include "server/platform/database.h"
#include "server/platform/epoll_dispatcher.h"
#include "server/platform/file_privacy.h"
#include "server/platform/log.h"
#include "server/platform/migrator.h"
#include "server/platform/service_advertiser.h"
#include "server/platform/tls_identity.h"

#include <QDir>
#include <QHostInfo>
#include <QThread>
#include <functional>
#include <stdexcept>

#include <sys/socket.h>
#include <unistd.h>

namespace corkboard {

namespace {
// Runs `f` on `thread` and waits for it (what it creates belongs to that thread); rethrows here
// what it threw.
void runOnThread(QThread *thread, const std::function<void()> &f)
{
    std::exception_ptr error;
    auto *anchor = new QObject;
    anchor->moveToThread(thread);
    QMetaObject::invokeMethod(
        anchor,
        [&f, &error] {
            try {
                f();
            } catch (...) {
                error = std::current_exception();
            }
        },
        Qt::BlockingQueuedConnection);
    anchor->deleteLater(); // with the thread's next (or last) events
    if (error)
        std::rethrow_exception(error);
}
} // namespace

Acceptor::Acceptor(std::vector<HttpWorker *> workers, ConnectionLimiter &limiter, QObject *parent)
    : QTcpServer(parent)
    , m_workers(std::move(workers))
    , m_limiter(limiter)
{
    // Out of descriptors (EMFILE) QTcpServer pauses accepting for good; try again shortly instead
    // of never answering again.
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        logging::write(lcServer(), QtWarningMsg, QStringLiteral("accept failed, retrying"),
            {{QStringLiteral("error"), errorString()}});
        QTimer::singleShot(100, this, [this] { resumeAccepting(); });
    });
    m_refusalLog.setInterval(10000);
    connect(&m_refusalLog, &QTimer::timeout, this, &Acceptor::logRefusals);
}

void Acceptor::incomingConnection(qintptr descriptor)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    QHostAddress peer;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&address), &length) == 0)
        peer = QHostAddress(reinterpret_cast<const sockaddr *>(&address));
    const ConnectionLimiter::Verdict verdict = m_limiter.admit(peer);
    if (verdict != ConnectionLimiter::Verdict::Admitted) {
        // One summary line every 10 s, not one per refused connection of a flood.
        ++m_refusedSinceLog;
        if (!m_refusalLog.isActive()) {
            logRefusals();
            m_refusalLog.start();
        }
        if (!m_limiter.beginRefusal()) {
            ::close(int(descriptor));
            return;
        }
    }
    HttpWorker *worker = m_workers.at(m_next);
    m_next = (m_next + 1) % m_workers.size();
    worker->handOff(descriptor, verdict, peer);
}

void Acceptor::logRefusals()
{
    if (m_refusedSinceLog == 0) {
        m_refusalLog.stop();
        return;
    }
    logging::write(lcSecurity(), QtWarningMsg,
        QStringLiteral("connections refused: connection limit reached"),
        {{QStringLiteral("refused"), m_refusedSinceLog},
            {QStringLiteral("open"), m_limiter.openConnections()},
            {QStringLiteral("limit"), m_limiter.maxConnections()}});
    m_refusedSinceLog = 0;
}

void migrateAtStartup(const Config &config)
{
    Database db(config, QStringLiteral("corkboard-migrate"));
    Migrator migrator(db);
    migrator.up(QDir(config.dataDir).filePath(QStringLiteral("backups")));
}

ServerHost::ServerHost(Config config, std::shared_ptr<Clock> clock, QObject *parent)
    : QObject(parent)
{
    if (!clock)
        clock = clockFromEnvironment();
    crypto::initialize();
    m_context = std::make_unique<ServerContext>(std::move(config), std::move(clock));
}

ServerHost::~ServerHost()
{
    stopThreads();
}

void ServerHost::start()
{
    const Config &cfg = m_context->config;
    // Private before anything is created or opened: the database holds password hashes, e-mails
    // and webhook secrets. Files an older version left world-readable are fixed here too.
    file_privacy::restrictUmask();
    QDir().mkpath(cfg.dataDir);
    file_privacy::secureDataDir(cfg.dataDir, cfg.sqlitePath());
    if (!m_dataDirLock)
        m_dataDirLock = DataDirLock::tryAcquire(cfg.dataDir, DataDirLock::Mode::Shared);
    if (!m_dataDirLock)
        throw std::runtime_error("the data dir is being restored (corkboard --restore); start "
                                 "the server when the restore has finished");
    migrateAtStartup(cfg);
    m_context->jwtKeys.load();
    if (m_context->jwtKeys.sharedInDatabase()) {
        // PostgreSQL: one set of signing keys for every instance, read again every 2 s.
        m_jwtKeySync = new JwtKeySync(cfg, *m_context->clock, m_context->jwtKeys, this);
        m_jwtKeySync->start();
    }
    m_listenHost = prepareFirstStart();
    prepareTls();
    // Revocations other instances (or a crashed request) wrote reach this process within 250 ms.
    m_revocationFeed = new RevocationFeed(
        cfg, *m_context->clock, m_context->revocations, RevocationFeed::kDefaultIntervalMs, this);
    m_revocationFeed->start();

    for (int i = 0; i < cfg.threads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("http-%1").arg(i));
        // epoll, not poll(2): a turn of the loop costs what is ready, not every socket it owns.
        if (QAbstractEventDispatcher *dispatcher = createServerEventDispatcher())
            thread->setEventDispatcher(dispatcher);
        thread->start();
        m_threads.push_back(thread);
        HttpWorker *worker = nullptr;
        auto *context = m_context.get();
        // Construct on the worker's own thread: its database connection belongs there.
        try {
            runOnThread(thread, [&worker, context, i] { worker = new HttpWorker(*context, i); });
        } catch (...) {
            stopThreads();
            throw;
        }
        m_workers.push_back(worker);
    }
    if (cfg.writeLane && !cfg.usesPostgres())
        startWriteLane();
    // One descriptor per connection: take what the system allows, and keep the cap under it.
    const qint64 openFiles = raiseOpenFileLimit();
    if (openFiles > 0) {
        const qint64 reserve = 64 + 8 * qint64(cfg.threads) + 256; // database, logs, refusals
        const qint64 room = std::max<qint64>(16, openFiles - reserve);
        if (room < cfg.maxConnections) {
            m_context->connectionLimiter.setMaxConnections(int(room));
            logging::write(lcServer(), QtWarningMsg,
                QStringLiteral("connection limit lowered to fit the open-file limit"),
                {{QStringLiteral("configured"), cfg.maxConnections},
                    {QStringLiteral("effective"), int(room)},
                    {QStringLiteral("open_file_limit"), openFiles}});
        }
    }
    ServerContext *context = m_context.get();
    m_context->metrics.addCollector(
        [context] { return context->connectionLimiter.renderMetrics(); });
    m_acceptor = new Acceptor(m_workers, m_context->connectionLimiter, this);
    // Qt's default queue of 50 not-yet-accepted connections drops bursts (a team's desktops
    // reconnecting after a restart); the kernel caps this at somaxconn.
    m_acceptor->setListenBacklogSize(1024);
    QHostAddress address;
    if (!address.setAddress(m_listenHost)) {
        stopThreads();
        throw ConfigError(QStringLiteral("CORKBOARD_HOST"),
            QStringLiteral("'%1' is not an IP address").arg(m_listenHost));
    }
    if (!m_acceptor->listen(address, quint16(cfg.port))) {
        const QString why = m_acceptor->errorString();
        stopThreads();
        throw std::runtime_error(QStringLiteral("cannot listen on %1:%2: %3")
                                     .arg(cfg.host)
                                     .arg(cfg.port)
                                     .arg(why)
                                     .toStdString());
    }
    m_running = true;
    advertise();
    logging::write(lcServer(), QtInfoMsg, QStringLiteral("server listening"),
        {{QStringLiteral("host"), m_listenHost},
            {QStringLiteral("port"), int(m_acceptor->serverPort())},
            {QStringLiteral("threads"), cfg.threads},
            {QStringLiteral("database"), redactedDatabaseUrl(cfg.databaseUrl)}});
}

quint16 ServerHost::port() const
{
    return m_acceptor ? m_acceptor->serverPort() : 0;
}

QString ServerHost::baseUrl() const
{
    QString host = m_listenHost.isEmpty() ? m_context->config.host : m_listenHost;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const bool tls = m_context->tls.isEnabled();
    return QStringLiteral("%1://%2:%3")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(port());
}

void ServerHost::advertise()
{
    const Config &cfg = m_context->config;
    if (!cfg.discovery || QHostAddress(m_listenHost).isLoopback())
        return; // nobody else could connect: nothing to announce
    DiscoveryRecord record;
    record.version = QStringLiteral(CORKBOARD_VERSION);
    record.tls = m_context->tls.isEnabled();
    record.fingerprint = m_context->tls.fingerprint();
    if (!m_advertiser)
        m_advertiser = makeServiceAdvertiser();
    m_advertiser->publish(
        QStringLiteral("Corkboard on %1").arg(QHostInfo::localHostName()), port(), record);
}

QString ServerHost::tlsFingerprint() const
{
    return m_context->tls.fingerprint();
}

void ServerHost::prepareTls()
{
    const Config &cfg = m_context->config;
    if (!cfg.usesTls(m_listenHost)) {
        const QHostAddress address(m_listenHost);
        m_context->insecureHttp = !address.isLoopback();
        if (m_context->insecureHttp) {
            logging::write(lcSecurity(), QtWarningMsg,
                QStringLiteral("serving plain HTTP beyond loopback (--insecure-http): passwords "
                               "and tokens cross the network readable by anyone on it"),
                {{QStringLiteral("host"), m_listenHost}});
        }
        return;
    }
    const TlsIdentity identity = tls_identity::load(cfg);
    try {
        m_context->tls.install(identity);
    } catch (const std::exception &e) {
        throw ConfigError(identity.generated ? QStringLiteral("tls/cert.pem")
                                             : QStringLiteral("CORKBOARD_TLS_CERT"),
            QString::fromUtf8(e.what()));
    }
    logging::write(lcServer(), QtInfoMsg, QStringLiteral("TLS certificate"),
        {{QStringLiteral("fingerprint_sha256"), m_context->tls.fingerprint()},
            {QStringLiteral("expires_at"), m_context->tls.expiresAt().toString(Qt::ISODate)},
            {QStringLiteral("self_signed"), m_context->tls.isSelfSigned()},
            {QStringLiteral("path"), identity.certificatePath}});
}

bool ServerHost::reloadTls()
{
    const Config &cfg = m_context->config;
    if (!m_context->tls.isEnabled())
        return false;
    const QString before = m_context->tls.fingerprint();
    try {
        m_context->tls.install(tls_identity::load(cfg));
    } catch (const std::exception &e) {
        logging::write(lcServer(), QtCriticalMsg,
            QStringLiteral("TLS reload failed, keeping the current certificate"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
        return false;
    }
    const QString after = m_context->tls.fingerprint();
    if (m_advertiser && before != after)
        advertise(); // the TXT record carries the fingerprint
    logging::write(lcServer(), QtInfoMsg, QStringLiteral("TLS certificate reloaded"),
        {{QStringLiteral("fingerprint_sha256"), after},
            {QStringLiteral("changed"), before != after}});
    return before != after;
}

QString ServerHost::prepareFirstStart()
{
    const Config &cfg = m_context->config;
    bool noAccount = false;
    {
        Database db(cfg, QStringLiteral("corkboard-first-start"));
        noAccount = UserRepository(db).count() == 0;
    }
    QHostAddress address;
    const bool beyondLoopback = address.setAddress(cfg.host) && !address.isLoopback();
    QString listenHost = cfg.host;
    m_setupCode.clear();
    if (noAccount && beyondLoopback) {
        if (cfg.mode == RunMode::Serve) {
            // Whoever reaches the port first would become admin: only the person who can read
            // this server's console or log may create that account.
            m_setupCode = SetupGate::generateCode();
        } else {
            // The desktop shares on the LAN only once its owner has an account.
            listenHost = QStringLiteral("127.0.0.1");
            logging::write(lcServer(), QtInfoMsg,
                QStringLiteral("no account yet: listening on loopback only until one exists"),
                {{QStringLiteral("configured_host"), cfg.host}});
        }
    }
    m_context->setupGate.arm(noAccount, m_setupCode);
    return listenHost;
}

void ServerHost::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    logging::write(lcServer(), QtInfoMsg, QStringLiteral("shutting down"));
    if (m_advertiser)
        m_advertiser->withdraw();
    if (m_acceptor)
        m_acceptor->close();
    m_pendingDrains = int(m_workers.size());
    if (m_pendingDrains == 0) {
        stopThreads();
        Q_EMIT stopped();
        return;
    }
    const int timeout = m_context->config.shutdownTimeoutMs;
    for (auto *worker : m_workers) {
        connect(
            worker, &HttpWorker::drained, this,
            [this] {
                if (--m_pendingDrains == 0) {
                    stopThreads();
                    logging::write(lcServer(), QtInfoMsg, QStringLiteral("server stopped"));
                    Q_EMIT stopped();
                }
            },
            Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            worker, [worker, timeout] { worker->drain(timeout); }, Qt::QueuedConnection);
    }
}

void ServerHost::startWriteLane()
{
    m_laneThread = new QThread;
    m_laneThread->setObjectName(QStringLiteral("write-lane"));
    m_laneThread->start();
    auto *context = m_context.get();
    const int index = context->config.threads; // after the server threads' indexes
    try {
        runOnThread(m_laneThread, [this, context, index] {
            m_laneWorker = new HttpWorker(*context, index);
            m_lane = new RequestLane(*m_laneWorker, context->metrics);
        });
    } catch (...) {
        stopThreads();
        throw;
    }
    // Before the acceptor hands out any connection.
    for (auto *worker : m_workers)
        worker->pipeline().setWriteLane(m_lane, &worker->httpServer());
}

void ServerHost::stopThreads()
{
    // The write lane stops first, in three steps: the server threads stop handing it requests;
    // it finishes the batch it is running, whose answers are queued to the server threads ahead
    // of their deletion below (so they are written, or dropped with their connection); then it
    // goes. Nothing on the lane's thread ever looks at a server thread's object being deleted.
    if (m_laneThread) {
        for (auto *worker : m_workers)
            runOnThread(
                worker->thread(), [worker] { worker->pipeline().setWriteLane(nullptr, nullptr); });
        RequestLane *lane = std::exchange(m_lane, nullptr);
        HttpWorker *laneWorker = std::exchange(m_laneWorker, nullptr);
        runOnThread(m_laneThread, [lane, laneWorker] {
            delete lane;
            delete laneWorker;
        });
        m_laneThread->quit();
        m_laneThread->wait();
        delete std::exchange(m_laneThread, nullptr);
    }
    for (size_t i = 0; i < m_workers.size(); ++i) {
        HttpWorker *worker = m_workers[i];
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    }
    m_workers.clear();
    for (auto *thread : m_threads) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    m_threads.clear();
    m_running = false;
    m_dataDirLock.reset();
}

} // namespace corkboard
