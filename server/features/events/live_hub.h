#pragma once

#include "server/features/events/live_backend.h"
#include "server/features/events/live_session.h"
#include "server/http/request.h"
#include "server/http/response.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <memory>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace corkboard {

struct Config;
struct ThreadContext;
class HttpServer;
class LiveBus;

//! The live-update hub of one server thread: owns that thread's WebSocket and SSE sessions,
//! reads new events from the outbox when told a board changed, and fans them out. Everything
//! here runs on the thread that owns the sockets.
class LiveHub : public QObject
{
    Q_OBJECT
public:
    LiveHub(ThreadContext &context, LiveBus &bus);
    ~LiveHub() override;

    //! Takes WebSocket upgrades for /api/v1/ws on this thread's server.
    void attach(HttpServer &server);

    //! GET /api/v1/events: checks the Bearer token and the board, then takes the socket over
    //! and streams (replaying after Last-Event-ID). Throws AppError before taking over.
    Response openEventStream(Request &request);

    // From the bus, queued into this thread.
    void onCommitted(const QString &boardId, qint64 seq);
    void onPresence(const QString &boardId, const QByteArray &envelope);
    //! A board-less message for every live connection of one user (notifications).
    void onUserMessage(const QString &userId, const QByteArray &json);
    //! Ends (4401 / stream end) every connection of a revoked session or a disabled user.
    void onRevoked(const QSet<QString> &sessionIds, const QSet<QString> &userIds);

    // From sessions.
    LiveBackend &backend();
    const Config &config() const;
    //! Monotonic milliseconds (heartbeats, rate limits).
    qint64 nowMs() const;
    //! Wall-clock milliseconds from the server's Clock (token expiry).
    qint64 wallMs() const;
    //! Subscribes after checking membership; replays since (or says resync); sends subscribed.
    //! Returns false (and sends nothing) when the user may not watch the board.
    bool subscribe(LiveSession *session, const QString &boardId, std::optional<qint64> since);
    void unsubscribe(LiveSession *session, const QString &boardId);
    void sessionClosed(LiveSession *session);
    //! Encodes an outbox row the way every client receives it.
    static EncodedEvent encode(const StoredEvent &event);

    //! Shutdown: every session says goodbye (WebSocket close 1001); true while any remain.
    void beginShutdown();
    bool hasSessions() const { return !m_sessions.isEmpty(); }
    int sessionCount() const { return int(m_sessions.size()); }

private:
    bool acceptUpgrade(const QHttpServerRequest &request, QTcpSocket *socket);
    void onNewWebSocket();
    void tick();
    void cleanUpEvents();
    void deliverBatch(const QString &boardId, const std::vector<StoredEvent> &events);
    void recheckMembers(const QString &boardId, bool boardDeleted);
    void revoke(LiveSession *session, const QString &boardId, const QString &detail);

    ThreadContext &m_context;
    LiveBus &m_bus;
    std::unique_ptr<LiveBackend> m_backend;
    QPointer<HttpServer> m_server;
    QList<QPointer<QTcpSocket>> m_upgrading;
    QSet<LiveSession *> m_sessions;
    QHash<QString, QSet<LiveSession *>> m_subscribers; //!< board → sessions on this thread
    QHash<QString, qint64> m_cursor; //!< board → highest seq read from the outbox
    QTimer m_tick;
    QTimer m_cleanup;
    bool m_shuttingDown = false;
};

} // namespace corkboard
