#include "server/features/events/ws_session.h"

#include "server/features/events/live_hub.h"
#include "server/http/socket_send.h"
#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"
#include "shared/live_protocol.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QWebSocket>

namespace corkboard {

namespace {
constexpr int kMaxBoardsPerSocket = 100;

// An unmasked, unfragmented server-to-client text frame (RFC 6455 §5.2). QWebSocket has no way to
// send bytes that are already framed, and framing per socket (plus its UTF-8 → QString → UTF-8
// round trip) was most of the fan-out's cost: a frame is built once per hub instead.
QByteArray textFrame(const QByteArray &payload)
{
    const quint64 n = quint64(payload.size());
    QByteArray out;
    out.reserve(payload.size() + 10);
    out.append(char(0x81)); // FIN + text
    if (n < 126) {
        out.append(char(n));
    } else if (n <= 0xFFFF) {
        out.append(char(126));
        out.append(char(n >> 8)).append(char(n & 0xFF));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((n >> shift) & 0xFF));
    }
    out.append(payload);
    return out;
}

QByteArray eventMessage(const EncodedEvent &event)
{
    QByteArray out;
    out.reserve(event.envelope.size() + 24);
    out.append("{\"type\":\"event\",\"event\":");
    out.append(event.envelope);
    out.append('}');
    return out;
}
} // namespace

WsSession::WsSession(LiveHub &hub, std::unique_ptr<QWebSocket> socket, QTcpSocket *tcp)
    : LiveSession(hub, hub.config().liveQueueBytes, &hub)
    , m_socket(socket.release())
    , m_tcp(tcp)
{
    const Config &cfg = hub.config();
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(cfg.liveMaxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(cfg.liveMaxMessageBytes));
    m_lastHeardMs = m_lastPingMs = m_tokensAtMs = hub.nowMs();
    m_tokens = cfg.liveMessageBurst;
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WsSession::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WsSession::onBinary);
    connect(m_socket, &QWebSocket::disconnected, this, &WsSession::onDisconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] { pump(); });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastHeardMs = m_hub.nowMs(); });
    if (m_tcp) {
        // QtHttpServer let go of the socket at the upgrade and QWebSocket does not own it: we do.
        m_tcp->setParent(this);
        m_tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Any byte from the peer (a pong, a message) proves it is alive.
        connect(m_tcp, &QTcpSocket::readyRead, this, [this] { m_lastHeardMs = m_hub.nowMs(); });
        // Frames are written to it directly (writeNow): refill from the queue as it drains.
        connect(m_tcp, &QTcpSocket::bytesWritten, this, [this] { pump(); });
    }
    m_authTimer.setSingleShot(true);
    connect(&m_authTimer, &QTimer::timeout, this,
        [this] { closeWith(live::CloseAuthTimeout, QStringLiteral("no auth message in time")); });
    m_authTimer.start(cfg.liveAuthTimeoutMs);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        sendError("TOKEN_EXPIRED",
            QStringLiteral("the access token expired; send a fresh one before it does"));
        closeWith(live::CloseUnauthenticated, QStringLiteral("token expired"));
    });
    m_abortTimer.setSingleShot(true);
    connect(&m_abortTimer, &QTimer::timeout, this, [this] { m_socket->abort(); });
}

WsSession::~WsSession()
{
    m_socket->disconnect(this);
}

QByteArray WsSession::frameFor(const EncodedEvent &event) const
{
    if (!m_tcp)
        return eventMessage(event);
    if (event.wsFrame.isEmpty())
        event.wsFrame = textFrame(eventMessage(event));
    return event.wsFrame; // shared, not copied
}

void WsSession::enqueueText(const QByteArray &json)
{
    enqueue(m_tcp ? textFrame(json) : json);
}

qint64 WsSession::socketBacklog() const
{
    // The TCP socket's own buffer (QWebSocket reports it), so the queue cap acts on what the peer
    // has really not taken yet.
    return m_socket->bytesToWrite();
}

void WsSession::writeNow(const QByteArray &bytes)
{
    // With the TCP socket known, the queue holds whole frames: they go out as they are, in order
    // with QWebSocket's own control frames (same socket, same thread).
    if (m_tcp)
        sendFramed(*m_tcp, bytes);
    else
        m_socket->sendTextMessage(QString::fromUtf8(bytes));
}

void WsSession::overflowed()
{
    logging::write(lcEvents(), QtWarningMsg, QStringLiteral("live connection too slow, closing"),
        {{QStringLiteral("user_id"), userId()}});
    closeWith(live::CloseTooSlowOrChatty, QStringLiteral("too slow"));
}

void WsSession::closeWith(int code, const QString &reason)
{
    if (!isClosing())
        flushAll();
    markClosing();
    m_authTimer.stop();
    m_expiryTimer.stop();
    // close() queues the close frame behind what is buffered; the peer reads it after the data.
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        if (m_tcp)
            flushQueued(*m_tcp); // a frame held for this turn goes before the close frame
        m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    }
    // A peer gets as long as a silent one would to read what is left and the close frame.
    if (!m_abortTimer.isActive())
        m_abortTimer.start(m_hub.config().liveIdleTimeoutMs);
}

void WsSession::onDisconnected()
{
    markClosing();
    m_authTimer.stop();
    m_expiryTimer.stop();
    m_abortTimer.stop();
    m_hub.sessionClosed(this);
}

void WsSession::goAway()
{
    closeWith(live::CloseGoingAway, QStringLiteral("server shutting down"));
}

void WsSession::signOut(const QString &detail)
{
    sendError("UNAUTHENTICATED", detail);
    closeWith(live::CloseUnauthenticated, QStringLiteral("signed out"));
}

void WsSession::tick(qint64 nowMs)
{
    if (isClosing())
        return;
    const Config &cfg = m_hub.config();
    if (nowMs - m_lastHeardMs > cfg.liveIdleTimeoutMs) {
        logging::write(lcEvents(), QtInfoMsg, QStringLiteral("dropping a silent live connection"),
            {{QStringLiteral("user_id"), userId()}});
        markClosing();
        m_socket->abort();
        return;
    }
    if (nowMs - m_lastPingMs >= cfg.livePingIntervalMs) {
        m_lastPingMs = nowMs;
        m_socket->ping();
    }
}

bool WsSession::takeRateToken()
{
    const Config &cfg = m_hub.config();
    const qint64 now = m_hub.nowMs();
    m_tokens = std::min<double>(cfg.liveMessageBurst,
        m_tokens + double(now - m_tokensAtMs) * cfg.liveMessagesPerSecond / 1000.0);
    m_tokensAtMs = now;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void WsSession::onBinary(const QByteArray &)
{
    if (isClosing())
        return;
    if (!takeRateToken()) {
        closeWith(live::CloseTooSlowOrChatty, QStringLiteral("too many messages"));
        return;
    }
    if (!m_authenticated) {
        closeWith(live::CloseUnauthenticated, QStringLiteral("authenticate first"));
        return;
    }
    sendError("MALFORMED_REQUEST", QStringLiteral("send JSON text frames"));
}

void WsSession::onText(const QString &text)
{
    if (isClosing())
        return;
    m_lastHeardMs = m_hub.nowMs();
    if (!takeRateToken()) {
        logging::write(lcSecurity(), QtWarningMsg,
            QStringLiteral("live connection flooding, closing"),
            {{QStringLiteral("user_id"), userId()}});
        closeWith(live::CloseTooSlowOrChatty, QStringLiteral("too many messages"));
        return;
    }
    const live::ClientMessage message = live::parseClientMessage(text);
    using Type = live::ClientMessage::Type;
    if (!m_authenticated) {
        if (message.type != Type::Auth) {
            sendError("UNAUTHENTICATED",
                QStringLiteral("the first message must be {\"type\":\"auth\",\"token\":…}"));
            closeWith(live::CloseUnauthenticated, QStringLiteral("authenticate first"));
            return;
        }
        handleAuth(message.json);
        return;
    }
    switch (message.type) {
    case Type::Auth:
        handleAuth(message.json);
        break;
    case Type::Subscribe:
        handleSubscribe(message.boardId, message.since);
        break;
    case Type::Unsubscribe:
        handleUnsubscribe(message.boardId);
        break;
    case Type::Ping:
        handlePing(message.pingId);
        break;
    case Type::Invalid:
        sendError(message.errorCode, message.errorDetail, message.boardId);
        break;
    }
}

void WsSession::handleAuth(const QJsonObject &message)
{
    const QJsonValue token = message.value(QStringLiteral("token"));
    if (!token.isString() || token.toString().isEmpty()) {
        sendError("UNAUTHENTICATED", QStringLiteral("token is required"));
        closeWith(live::CloseUnauthenticated, QStringLiteral("no token"));
        return;
    }
    VerifiedToken verified;
    try {
        verified = m_hub.backend().verifyToken(token.toString());
    } catch (const AppError &e) {
        sendError(
            e.code() == ErrorCode::TokenExpired ? "TOKEN_EXPIRED" : "UNAUTHENTICATED", e.detail());
        closeWith(live::CloseUnauthenticated, QStringLiteral("invalid token"));
        return;
    } catch (const std::exception &) {
        sendError("INTERNAL", QStringLiteral("something went wrong on the server"));
        closeWith(live::CloseUnauthenticated, QStringLiteral("could not check the token"));
        return;
    }
    if (m_authenticated && verified.userId != userId()) {
        sendError("UNAUTHENTICATED", QStringLiteral("the token belongs to another user"));
        closeWith(live::CloseUnauthenticated, QStringLiteral("user changed"));
        return;
    }
    const bool first = !m_authenticated;
    m_authenticated = true;
    setUserId(verified.userId);
    setSessionId(verified.sessionId);
    m_authTimer.stop();
    const qint64 remaining = verified.expiresAtMs - m_hub.wallMs();
    m_expiryTimer.start(int(std::clamp<qint64>(remaining, 0, 24LL * 3600 * 1000)));
    if (first) {
        JsonWriter w(96);
        w.beginObject().field("type", "ready").field("user_id", verified.userId).endObject();
        enqueueText(w.take());
    }
}

void WsSession::handleSubscribe(const QString &boardId, std::optional<qint64> since)
{
    if (!isSubscribed(boardId) && boards().size() >= kMaxBoardsPerSocket) {
        sendError(
            "VALIDATION_FAILED", QStringLiteral("too many boards on one connection"), boardId);
        return;
    }
    bool allowed = false;
    try {
        allowed = m_hub.subscribe(this, boardId, since);
    } catch (const std::exception &e) {
        logging::write(lcEvents(), QtCriticalMsg, QStringLiteral("subscribe failed"),
            {{QStringLiteral("error"), QString::fromLocal8Bit(e.what())}});
        sendError("INTERNAL", QStringLiteral("something went wrong on the server"), boardId);
        return;
    }
    if (!allowed)
        sendError("FORBIDDEN", QStringLiteral("you may not watch this board"), boardId,
            live::CloseForbidden);
}

void WsSession::handleUnsubscribe(const QString &boardId)
{
    m_hub.unsubscribe(this, boardId);
    JsonWriter w(96);
    w.beginObject().field("type", "unsubscribed").field("board_id", boardId).endObject();
    enqueueText(w.take());
}

void WsSession::handlePing(const QJsonValue &id)
{
    JsonWriter w(48);
    w.beginObject().field("type", "pong");
    w.key("id");
    if (id.isDouble())
        w.value(qint64(id.toInteger()));
    else if (id.isString())
        w.value(id.toString());
    else
        w.null();
    w.endObject();
    enqueueText(w.take());
}

void WsSession::sendUserMessage(const QByteArray &json)
{
    if (!isClosing() && !userId().isEmpty())
        enqueueText(json);
}

void WsSession::sendResync(const QString &boardId)
{
    JsonWriter w(96);
    w.beginObject().field("type", "resync").field("board_id", boardId).endObject();
    enqueueText(w.take());
}

void WsSession::sendSubscribed(const QString &boardId, qint64 seq)
{
    JsonWriter w(96);
    w.beginObject()
        .field("type", "subscribed")
        .field("board_id", boardId)
        .field("seq", seq)
        .endObject();
    enqueueText(w.take());
}

void WsSession::sendRevoked(const QString &boardId, const QString &detail)
{
    sendError("FORBIDDEN", detail, boardId, live::CloseForbidden);
}

void WsSession::sendError(
    const char *code, const QString &detail, const QString &boardId, int status)
{
    JsonWriter w(160);
    w.beginObject().field("type", "error").field("code", code);
    if (status != 0)
        w.field("status", status);
    if (!boardId.isEmpty())
        w.field("board_id", boardId);
    w.field("detail", detail).endObject();
    enqueueText(w.take());
}

} // namespace corkboard
