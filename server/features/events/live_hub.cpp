#include "server/features/events/live_hub.h"

#include "server/features/common/server_context.h"
#include "server/features/events/live_bus.h"
#include "server/features/events/sse_session.h"
#include "server/features/events/ws_session.h"
#include "server/http/connection_guard.h"
#include "server/http/http_server.h"
#include "server/http/pipeline.h"
#include "server/http/socket_send.h"
#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QWebSocket>
#include <chrono>

namespace corkboard {

namespace {
constexpr int kOutboxPage = 500;

//! Used until auth and the outbox are wired: nobody can authenticate, nothing is stored.
class UnavailableBackend final : public LiveBackend
{
public:
    VerifiedToken verifyToken(const QString &) override
    {
        throw AppError(ErrorCode::Unauthenticated, QStringLiteral("sign-in is not available"));
    }
    bool canView(const QString &, const QString &) override { return false; }
    QStringList viewers(const QString &) override { return {}; }
    std::vector<StoredEvent> eventsAfter(const QString &, qint64, int) override { return {}; }
    qint64 latestSeq() override { return 0; }
    qint64 prunedThrough() override { return 0; }
    int pruneEvents(int, const QDateTime &) override { return 0; }
};

void logFailure(const char *where)
{
    try {
        throw;
    } catch (const std::exception &e) {
        logging::write(lcEvents(), QtCriticalMsg, QStringLiteral("live hub failure"),
            {{QStringLiteral("where"), QLatin1String(where)},
                {QStringLiteral("error"), QString::fromLocal8Bit(e.what())}});
    } catch (...) {
        logging::write(lcEvents(), QtCriticalMsg, QStringLiteral("live hub failure"),
            {{QStringLiteral("where"), QLatin1String(where)}});
    }
}
} // namespace

LiveHub::LiveHub(ThreadContext &context, LiveBus &bus)
    : m_context(context)
    , m_bus(bus)
{
    const Config &cfg = config();
    const int interval = std::max(
        5, std::min({cfg.livePingIntervalMs, cfg.liveIdleTimeoutMs, cfg.sseKeepAliveMs}) / 4);
    connect(&m_tick, &QTimer::timeout, this, &LiveHub::tick);
    m_tick.start(interval);
    if (context.threadIndex == 0) {
        connect(&m_cleanup, &QTimer::timeout, this, &LiveHub::cleanUpEvents);
        m_cleanup.start(cfg.eventCleanupIntervalMs);
    }
    m_bus.registerHub(this);
}

LiveHub::~LiveHub()
{
    m_bus.unregisterHub(this);
    m_shuttingDown = true;
    const auto sessions = m_sessions;
    m_sessions.clear();
    m_subscribers.clear();
    for (LiveSession *session : sessions) {
        for (const QString &board : session->boards())
            m_bus.presenceLeave(board, session->userId());
        delete session;
    }
}

const Config &LiveHub::config() const
{
    return m_context.server.config;
}

qint64 LiveHub::nowMs() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

qint64 LiveHub::wallMs() const
{
    return m_context.server.clock->nowMs();
}

LiveBackend &LiveHub::backend()
{
    if (!m_backend) {
        if (const LiveBackendFactory factory = m_bus.backendFactory())
            m_backend = factory(m_context);
    }
    if (m_backend)
        return *m_backend;
    static UnavailableBackend unavailable;
    return unavailable;
}

void LiveHub::attach(HttpServer &server)
{
    m_server = &server;
    server.setUpgradeHandler([this](const QHttpServerRequest &request, QTcpSocket *socket) {
        return acceptUpgrade(request, socket);
    });
    connect(&server, &QAbstractHttpServer::newWebSocketConnection, this, &LiveHub::onNewWebSocket);
}

bool LiveHub::acceptUpgrade(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (request.url().path() != QLatin1String("/api/v1/ws") || m_shuttingDown)
        return false;
    // Accepted without credentials: the token arrives in the first message, never in the URL.
    m_upgrading.removeAll(nullptr);
    m_upgrading.append(socket);
    return true;
}

void LiveHub::onNewWebSocket()
{
    while (m_server && m_server->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> ws = m_server->nextPendingWebSocketConnection();
        if (!ws)
            continue;
        QTcpSocket *tcp = nullptr;
        for (qsizetype i = 0; i < m_upgrading.size(); ++i) {
            QTcpSocket *candidate = m_upgrading.at(i);
            if (candidate && candidate->peerPort() == ws->peerPort()
                && candidate->peerAddress() == ws->peerAddress()) {
                tcp = candidate;
                m_upgrading.removeAt(i);
                break;
            }
        }
        ConnectionGuard *guard = ConnectionGuard::of(tcp);
        if (!guard) {
            // Not a handshake this hub accepted (the guard lets none other through): no session.
            logging::write(
                lcEvents(), QtWarningMsg, QStringLiteral("unexpected WebSocket dropped"));
            ws->abort();
            continue;
        }
        // From here the session's own limits (auth deadline, heartbeat, send-queue cap) apply.
        guard->handOverToWebSocket();
        auto *session = new WsSession(*this, std::move(ws), tcp);
        m_sessions.insert(session);
        if (m_shuttingDown)
            session->goAway();
    }
}

Response LiveHub::openEventStream(Request &request)
{
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith("Bearer ") || authorization.size() <= 7)
        throw AppError(ErrorCode::Unauthenticated,
            QStringLiteral("send Authorization: Bearer <access token>"));
    const VerifiedToken token
        = backend().verifyToken(QString::fromLatin1(authorization.mid(7).trimmed()));
    const QString boardId = request.queryValue(QStringLiteral("board_id"));
    if (boardId.isEmpty() || boardId.size() > 64)
        throw AppError::validation(QStringLiteral("board_id"), QStringLiteral("required"),
            QStringLiteral("board_id is required"));
    std::optional<qint64> since;
    if (request.hasHeader("Last-Event-ID")) {
        bool ok = false;
        const qint64 value = request.header("Last-Event-ID").trimmed().toLongLong(&ok);
        if (!ok || value < 0) {
            throw AppError::validation(QStringLiteral("Last-Event-ID"), QStringLiteral("invalid"),
                QStringLiteral("Last-Event-ID must be an event id this stream sent"));
        }
        since = value;
    }
    if (!backend().canView(boardId, token.userId))
        throw AppError::notFound(QStringLiteral("board"));
    if (!request.socket || m_shuttingDown)
        throw AppError(ErrorCode::Unavailable, QStringLiteral("the server is shutting down"));

    Response head
        = Response::text(200, QByteArray(), QByteArrayLiteral("text/event-stream; charset=utf-8"));
    head.withHeader("Cache-Control", "no-store");
    head.withHeader("X-Accel-Buffering", "no");
    head.withHeader("X-Request-Id", request.requestId.toLatin1());
    Pipeline::addSecurityHeaders(head, request.path, request.secure);
    QByteArray bytes
        = "HTTP/1.1 200 OK\r\nContent-Type: " + head.contentType + "\r\nConnection: close\r\n";
    for (const auto &h : std::as_const(head.headers))
        bytes += h.first + ": " + h.second + "\r\n";
    bytes += "\r\n";

    auto *session
        = new SseSession(*this, request.socket, token.userId, token.sessionId, token.expiresAtMs);
    m_sessions.insert(session);
    session->start(bytes);
    try {
        subscribe(session, boardId, since);
    } catch (...) {
        logFailure("openEventStream");
        session->goAway();
    }
    return Response::takeOver();
}

bool LiveHub::subscribe(LiveSession *session, const QString &boardId, std::optional<qint64> since)
{
    LiveBackend &store = backend();
    if (!store.canView(boardId, session->userId()))
        return false;
    const bool wasSubscribed = session->isSubscribed(boardId);
    const qint64 latest = store.latestSeq();
    session->setLastSeq(boardId, since.value_or(latest));
    bool resync = false;
    if (since) {
        if (*since > latest || *since < store.prunedThrough()) {
            resync = true;
        } else {
            const int limit = config().liveReplayLimit;
            const std::vector<StoredEvent> missed = store.eventsAfter(boardId, *since, limit + 1);
            if (int(missed.size()) > limit) {
                resync = true;
            } else {
                for (const StoredEvent &event : missed)
                    session->deliver(encode(event));
            }
        }
    }
    if (resync) {
        session->setLastSeq(boardId, latest);
        session->sendResync(boardId);
    }
    session->setLastSeq(boardId, std::max(session->lastSeq(boardId), latest));
    m_subscribers[boardId].insert(session);
    if (!m_cursor.contains(boardId))
        m_cursor.insert(boardId, latest);
    session->sendSubscribed(boardId, session->lastSeq(boardId));
    if (!wasSubscribed)
        m_bus.presenceJoin(boardId, session->userId());
    EncodedEvent presence;
    presence.boardId = boardId;
    presence.type = QStringLiteral("presence.changed");
    presence.envelope = m_bus.presenceEnvelope(boardId, session->userId());
    session->deliver(presence);
    return true;
}

void LiveHub::unsubscribe(LiveSession *session, const QString &boardId)
{
    if (!session->isSubscribed(boardId))
        return;
    session->dropSubscription(boardId);
    auto it = m_subscribers.find(boardId);
    if (it != m_subscribers.end()) {
        it->remove(session);
        if (it->isEmpty()) {
            m_subscribers.erase(it);
            m_cursor.remove(boardId);
        }
    }
    m_bus.presenceLeave(boardId, session->userId());
}

void LiveHub::sessionClosed(LiveSession *session)
{
    if (!m_sessions.contains(session))
        return;
    for (const QString &board : session->boards())
        unsubscribe(session, board);
    m_sessions.remove(session);
    session->deleteLater();
}

EncodedEvent LiveHub::encode(const StoredEvent &event)
{
    EncodedEvent out;
    out.seq = event.seq;
    out.boardId = event.boardId;
    out.type = event.type;
    JsonWriter w(192 + event.dataJson.size());
    w.beginObject();
    w.field("seq", event.seq);
    w.field("type", event.type);
    w.field("board_id", event.boardId);
    w.key("actor_id").nullableValue(event.actorId);
    w.field("at", toRfc3339(event.at));
    w.key("data");
    if (event.dataJson.isEmpty())
        w.null();
    else
        w.raw(event.dataJson);
    w.endObject();
    out.envelope = w.take();
    return out;
}

void LiveHub::onCommitted(const QString &boardId, qint64 seq)
{
    try {
        while (m_subscribers.contains(boardId) && seq > m_cursor.value(boardId)) {
            const std::vector<StoredEvent> events
                = backend().eventsAfter(boardId, m_cursor.value(boardId), kOutboxPage);
            if (events.empty())
                break;
            m_cursor.insert(boardId, events.back().seq);
            deliverBatch(boardId, events);
            if (int(events.size()) < kOutboxPage)
                break;
        }
    } catch (...) {
        logFailure("onCommitted");
    }
}

void LiveHub::deliverBatch(const QString &boardId, const std::vector<StoredEvent> &events)
{
    // Consecutive events go out together (one write per socket); membership changes end a run,
    // so a member removed by an event gets nothing after it.
    std::vector<EncodedEvent> run;
    auto flush = [&] {
        const auto it = m_subscribers.constFind(boardId);
        if (!run.empty() && it != m_subscribers.constEnd()) {
            const QSet<LiveSession *> sessions = it.value();
            const SendGroupScope together; // every subscriber's frame in one submission
            for (LiveSession *session : sessions)
                session->deliverAll(run);
        }
        run.clear();
    };
    for (const StoredEvent &stored : events) {
        if (!m_subscribers.contains(boardId))
            return;
        run.push_back(encode(stored));
        if (stored.type == QLatin1String("board.deleted")) {
            flush();
            recheckMembers(boardId, true);
        } else if (stored.type.startsWith(QLatin1String("member."))) {
            flush();
            recheckMembers(boardId, false);
        }
    }
    flush();
}

void LiveHub::recheckMembers(const QString &boardId, bool boardDeleted)
{
    const auto it = m_subscribers.constFind(boardId);
    if (it == m_subscribers.constEnd())
        return;
    QSet<QString> allowed;
    if (!boardDeleted) {
        const QStringList viewers = backend().viewers(boardId);
        allowed = QSet<QString>(viewers.begin(), viewers.end());
    }
    const QSet<LiveSession *> sessions = it.value();
    for (LiveSession *session : sessions) {
        if (!allowed.contains(session->userId())) {
            revoke(session, boardId,
                boardDeleted ? QStringLiteral("the board was deleted")
                             : QStringLiteral("you are no longer a member of this board"));
        }
    }
}

void LiveHub::revoke(LiveSession *session, const QString &boardId, const QString &detail)
{
    unsubscribe(session, boardId);
    session->sendRevoked(boardId, detail);
}

void LiveHub::onPresence(const QString &boardId, const QByteArray &envelope)
{
    const auto it = m_subscribers.constFind(boardId);
    if (it == m_subscribers.constEnd())
        return;
    EncodedEvent event;
    event.boardId = boardId;
    event.type = QStringLiteral("presence.changed");
    event.envelope = envelope;
    const QSet<LiveSession *> sessions = it.value();
    for (LiveSession *session : sessions)
        session->deliver(event);
}

void LiveHub::tick()
{
    const qint64 now = nowMs();
    const QSet<LiveSession *> sessions = m_sessions;
    for (LiveSession *session : sessions) {
        if (m_sessions.contains(session))
            session->tick(now);
    }
}

void LiveHub::onUserMessage(const QString &userId, const QByteArray &json)
{
    const auto sessions = m_sessions;
    for (LiveSession *session : sessions) {
        if (session->userId() == userId)
            session->sendUserMessage(json);
    }
}

void LiveHub::onRevoked(const QSet<QString> &sessionIds, const QSet<QString> &userIds)
{
    const auto sessions = m_sessions;
    for (LiveSession *session : sessions) {
        if (session->isClosing() || !m_sessions.contains(session))
            continue;
        if (userIds.contains(session->userId()))
            session->signOut(QStringLiteral("this account is disabled"));
        else if (!session->sessionId().isEmpty() && sessionIds.contains(session->sessionId()))
            session->signOut(QStringLiteral("this session has been signed out"));
    }
}

void LiveHub::cleanUpEvents()
{
    try {
        const Config &cfg = config();
        const QDateTime cutoff = m_context.server.clock->now().addDays(-cfg.eventRetentionDays);
        const int removed = backend().pruneEvents(cfg.eventRetentionCount, cutoff);
        if (removed > 0) {
            logging::write(lcEvents(), QtInfoMsg, QStringLiteral("old events removed"),
                {{QStringLiteral("count"), removed}});
        }
    } catch (...) {
        logFailure("cleanUpEvents");
    }
}

void LiveHub::beginShutdown()
{
    m_shuttingDown = true;
    const QSet<LiveSession *> sessions = m_sessions;
    for (LiveSession *session : sessions)
        session->goAway();
}

} // namespace corkboard
