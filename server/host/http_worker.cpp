#include "server/host/http_worker.h"

#include "server/features/common/server_context.h"
#include "server/host/routes.h"
#include "server/http/http_server.h"
#include "server/http/socket_send.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

#include <QDateTime>
#include <QTcpSocket>
#include <atomic>

namespace corkboard {

HttpWorker::HttpWorker(ServerContext &context, int index)
    : m_context(context)
    , m_index(index)
{
    // Unique per worker, not per index: several hosts may share a process (tests, instances).
    static std::atomic<int> s_workers {0};
    m_db = std::make_unique<Database>(context.config,
        QStringLiteral("corkboard-http-%1-%2").arg(index).arg(s_workers.fetch_add(1)));
    m_threadContext = std::make_unique<ThreadContext>(ThreadContext {context, *m_db, index});
    m_pipeline = std::make_unique<Pipeline>(
        context.config, m_router, context.rateLimiter, context.metrics);

    GuardLimits limits;
    limits.maxBodyBytes = context.config.maxBodyBytes;
    limits.maxHeaderBytes = context.config.maxHeaderBytes;
    limits.maxHeaderFields = context.config.maxHeaderFields;
    limits.headerTimeoutMs = context.config.headerTimeoutMs;
    limits.bodyStallTimeoutMs = context.config.bodyStallTimeoutMs;
    limits.idleTimeoutMs = context.config.idleTimeoutMs;
    limits.bodyMinBytesPerSecond = context.config.bodyMinBytesPerSecond;
    limits.bodyDeadlineMs = context.config.bodyDeadlineMs;
    limits.webSocketPath = QByteArrayLiteral("/api/v1/ws");
    const qint64 defaultMax = context.config.maxBodyBytes;
    const Router *router = &m_router;
    limits.bodyLimitFor = [router, defaultMax](const QByteArray &method, const QByteArray &target,
                              const QByteArray &contentType, QString *hint) {
        const qsizetype q = target.indexOf('?');
        const QString path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
        const auto match = router->match(method, path);
        if (!match.route)
            return defaultMax;
        const RouteOptions &opts = match.route->options;
        if (opts.streamBody && opts.maxStreamBytes >= 0
            && opts.streamBody(contentType.split(';').first().trimmed().toLower())) {
            *hint = opts.tooLargeHint;
            return opts.maxStreamBytes;
        }
        return opts.maxBodyBytes >= 0 ? opts.maxBodyBytes : defaultMax;
    };
    m_server = new HttpServer(*m_pipeline, this);
    m_handoff = new SocketHandoff(
        std::move(limits), context.metrics, context.connectionLimiter, &context.tls, m_server);
    m_handoff->setStreamDispatcher(m_pipeline.get());
    m_handoff->setRequestSink(m_server);
    m_server->bind(m_handoff);
    registerRoutes(*this);
    // Built on the worker's own thread, which runs its own event loop: answers go out in batches.
    enableSendBatching();
    m_drainTimer.setInterval(20);
    connect(&m_drainTimer, &QTimer::timeout, this, &HttpWorker::checkDrained);
}

HttpWorker::~HttpWorker()
{
    flushSendBatch();
    delete m_server;
    m_owned.clear();
}

void HttpWorker::handOff(
    qintptr descriptor, ConnectionLimiter::Verdict verdict, const QHostAddress &peer)
{
    QMetaObject::invokeMethod(
        this, [this, descriptor, verdict, peer] { m_handoff->adopt(descriptor, verdict, peer); },
        Qt::QueuedConnection);
}

void HttpWorker::addDrainHook(std::function<void()> begin, std::function<bool()> busy)
{
    m_drainHooks.emplace_back(std::move(begin), std::move(busy));
}

void HttpWorker::drain(int timeoutMs)
{
    m_drainDeadline = QDateTime::currentMSecsSinceEpoch() + timeoutMs;
    for (const auto &hook : m_drainHooks)
        hook.first();
    const auto guards = m_server->findChildren<ConnectionGuard *>();
    for (auto *guard : guards)
        guard->closeWhenIdle();
    m_drainTimer.start();
    checkDrained();
}

void HttpWorker::checkDrained()
{
    bool streamsOpen = false;
    for (const auto &hook : m_drainHooks)
        streamsOpen = streamsOpen || hook.second();
    const auto guards = m_server->findChildren<ConnectionGuard *>();
    bool busy = streamsOpen;
    for (auto *guard : guards) {
        if (guard->isExempt()) {
            if (streamsOpen)
                continue; // still saying goodbye (WebSocket close 1001)
            guard->socket()->abort(); // streams were already told to go by their hubs
            continue;
        }
        guard->closeWhenIdle();
        busy = true;
    }
    if (busy && QDateTime::currentMSecsSinceEpoch() < m_drainDeadline)
        return;
    if (busy) {
        logging::write(lcServer(), QtWarningMsg,
            QStringLiteral("shutdown deadline passed, closing busy connections"));
        for (auto *guard : m_server->findChildren<ConnectionGuard *>())
            guard->socket()->abort();
    }
    m_drainTimer.stop();
    Q_EMIT drained();
}

} // namespace corkboard
