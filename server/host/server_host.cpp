#include "server/host/server_host.h"

#include "server/host/http_worker.h"
#include "server/host/server_context.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/data_dir_lock.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "server/platform/migrator.h"

#include <QDir>
#include <QThread>
#include <stdexcept>

namespace corkboard {

Acceptor::Acceptor(std::vector<HttpWorker *> workers, QObject *parent)
    : QTcpServer(parent)
    , m_workers(std::move(workers))
{
}

void Acceptor::incomingConnection(qintptr descriptor)
{
    HttpWorker *worker = m_workers.at(m_next);
    m_next = (m_next + 1) % m_workers.size();
    worker->handOff(descriptor);
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
    QDir().mkpath(cfg.dataDir);
    if (!m_dataDirLock)
        m_dataDirLock = DataDirLock::tryAcquire(cfg.dataDir, DataDirLock::Mode::Shared);
    if (!m_dataDirLock)
        throw std::runtime_error("the data dir is being restored (corkboard --restore); start "
                                 "the server when the restore has finished");
    migrateAtStartup(cfg);
    m_context->jwtKeys.load();

    for (int i = 0; i < cfg.threads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("http-%1").arg(i));
        thread->start();
        m_threads.push_back(thread);
        HttpWorker *worker = nullptr;
        std::exception_ptr error;
        auto *context = m_context.get();
        // Construct on the worker's own thread: its database connection belongs there.
        auto *anchor = new QObject;
        anchor->moveToThread(thread);
        QMetaObject::invokeMethod(
            anchor,
            [&worker, &error, context, i] {
                try {
                    worker = new HttpWorker(*context, i);
                } catch (...) {
                    error = std::current_exception();
                }
            },
            Qt::BlockingQueuedConnection);
        anchor->deleteLater();
        if (error) {
            stopThreads();
            std::rethrow_exception(error);
        }
        m_workers.push_back(worker);
    }
    m_acceptor = new Acceptor(m_workers, this);
    QHostAddress address;
    if (!address.setAddress(cfg.host)) {
        stopThreads();
        throw ConfigError(QStringLiteral("CORKBOARD_HOST"),
            QStringLiteral("'%1' is not an IP address").arg(cfg.host));
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
    logging::write(lcServer(), QtInfoMsg, QStringLiteral("server listening"),
        {{QStringLiteral("host"), cfg.host},
            {QStringLiteral("port"), int(m_acceptor->serverPort())},
            {QStringLiteral("threads"), cfg.threads}});
}

quint16 ServerHost::port() const
{
    return m_acceptor ? m_acceptor->serverPort() : 0;
}

QString ServerHost::baseUrl() const
{
    QString host = m_context->config.host;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

void ServerHost::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    logging::write(lcServer(), QtInfoMsg, QStringLiteral("shutting down"));
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

void ServerHost::stopThreads()
{
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
