#include "app/embedded_server.h"

#include "server/host/server_context.h"
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
            QMetaObject::invokeMethod(host, [host] { delete host; }, Qt::BlockingQueuedConnection);
            m_host = nullptr;
        }
        m_thread.quit();
        m_thread.wait();
    }
}

void EmbeddedServer::start()
{
    m_thread.start();
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    QMetaObject::invokeMethod(anchor, [this, anchor] {
        anchor->deleteLater();
        auto *host = new ServerHost(m_config);
        host->context().expectWorker = m_config.startWorker;
        try {
            host->start();
        } catch (const std::exception &e) {
            delete host;
            const QString message = QString::fromUtf8(e.what());
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
            return;
        }
        const QString url = host->baseUrl();
        if (m_config.startWorker) {
            // Lives on the server's thread and dies with the host (its destructor stops the child).
            auto *supervisor = new WorkerSupervisor(host->context(), QString(), host);
            supervisor->start();
        }
        connect(host, &ServerHost::stopped, this, [this] { Q_EMIT stopped(); }, Qt::QueuedConnection);
        QMetaObject::invokeMethod(this, [this, host, url] {
            m_host = host;
            m_baseUrl = url;
            Q_EMIT started(url);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void EmbeddedServer::stop()
{
    if (!m_host) {
        Q_EMIT stopped();
        return;
    }
    ServerHost *host = m_host;
    QMetaObject::invokeMethod(host, [host] { host->shutdown(); }, Qt::QueuedConnection);
}

} // namespace corkboard
