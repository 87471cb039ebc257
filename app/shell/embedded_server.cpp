#include "app/shell/embedded_server.h"

#include "server/features/common/server_context.h"
#include "server/host/server_host.h"
#include "server/host/worker_supervisor.h"

namespace corkboard {

EmbeddedServer::EmbeddedServer(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_thread.setObjectName(QStringLiteral("embedded-server"));
}

EmbeddedServer::~EmbeddedServer()
{
    if (m_thread.isRunning()) {
        if (m_host) {
            ServerHost *host = m_host;
            QMetaObject::invokeMethod(
                host, [host] { delete host; }, Qt::BlockingQueuedConnection);
            m_host = nullptr;
        }
        m_thread.quit();
        m_thread.wait();
    }
}

void EmbeddedServer::start()
{
    if (m_host) {
        // Still running or still stopping: start again once stopped.
        m_restartPending = m_stopping;
        return;
    }
    // A restart listens where the first start did, so clients find the server again.
    if (m_port != 0)
        m_config.port = m_port;
    m_thread.start();
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        anchor,
        [this, anchor] {
            anchor->deleteLater();
            auto *host = new ServerHost(m_config);
            host->context().expectWorker = m_config.startWorker;
            try {
                host->start();
            } catch (const std::exception &e) {
                delete host;
                const QString message = QString::fromUtf8(e.what());
                QMetaObject::invokeMethod(
                    this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
                return;
            }
            const QString url = host->baseUrl();
            const quint16 port = host->port();
            const QString fingerprint = host->tlsFingerprint();
            if (m_config.startWorker) {
                // Lives on the server's thread and dies with the host (its destructor stops the
                // child).
                auto *supervisor
                    = new WorkerSupervisor(host->context(), m_config.workerProgram, host);
                supervisor->start();
            }
            connect(
                host, &ServerHost::stopped, this,
                [this, host] {
                    // Runs on the server thread: the host goes with its thread's objects.
                    host->deleteLater();
                    QMetaObject::invokeMethod(
                        this,
                        [this] {
                            m_host = nullptr;
                            m_stopping = false;
                            Q_EMIT stopped();
                            if (std::exchange(m_restartPending, false))
                                start();
                        },
                        Qt::QueuedConnection);
                },
                Qt::DirectConnection);
            QMetaObject::invokeMethod(
                this,
                [this, host, url, port, fingerprint] {
                    m_host = host;
                    m_port = port;
                    m_baseUrl = url;
                    m_fingerprint = fingerprint;
                    Q_EMIT started(url);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void EmbeddedServer::stop()
{
    if (!m_host) {
        Q_EMIT stopped();
        return;
    }
    m_stopping = true;
    ServerHost *host = m_host;
    QMetaObject::invokeMethod(
        host, [host] { host->shutdown(); }, Qt::QueuedConnection);
}

} // namespace corkboard
