#include "server/features/events/sse_session.h"

#include "server/features/events/live_hub.h"
#include "server/http/socket_send.h"
#include "server/platform/config.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"

#include <QTcpSocket>

namespace corkboard {

namespace {
constexpr qint64 kMaxDiscardedInput = 64 * 1024;

QByteArray sseFrame(const char *event, const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size() + 32);
    out.append("event: ").append(event).append("\ndata: ").append(data).append("\n\n");
    return out;
}
} // namespace

SseSession::SseSession(LiveHub &hub, QTcpSocket *socket, const QString &userId,
    const QString &sessionId, qint64 expiresAtMs)
    : LiveSession(hub, hub.config().liveQueueBytes, &hub)
    , m_socket(socket)
{
    setUserId(userId);
    setSessionId(sessionId);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // The stream is ours now: QtHttpServer must not parse anything else on this socket.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_discarded += m_socket->readAll().size();
        if (m_discarded > kMaxDiscardedInput)
            finish();
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { pump(); });
    connect(m_socket, &QTcpSocket::disconnected, this, &SseSession::onDisconnected);
    connect(m_socket, &QObject::destroyed, this, &SseSession::onDisconnected);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        JsonWriter w(96);
        w.beginObject()
            .field("code", "TOKEN_EXPIRED")
            .field("detail", "the access token expired; reconnect with a fresh one")
            .endObject();
        enqueue(sseFrame("error", w.take()));
        finish();
    });
    m_expiryTimer.start(int(std::clamp<qint64>(expiresAtMs - hub.wallMs(), 0, 24LL * 3600 * 1000)));
}

void SseSession::start(const QByteArray &head)
{
    m_lastWriteMs = m_hub.nowMs();
    writeNow(head + "retry: 2000\n\n");
}

QByteArray SseSession::frameFor(const EncodedEvent &event) const
{
    if (!event.sseFrame.isEmpty())
        return event.sseFrame;
    QByteArray &out = event.sseFrame;
    out.reserve(event.envelope.size() + event.type.size() + 40);
    if (event.seq > 0)
        out.append("id: ").append(QByteArray::number(event.seq)).append('\n');
    out.append("event: ")
        .append(event.type.toUtf8())
        .append("\ndata: ")
        .append(event.envelope)
        .append("\n\n");
    return out;
}

qint64 SseSession::socketBacklog() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void SseSession::writeNow(const QByteArray &bytes)
{
    if (!m_socket || m_gone)
        return;
    m_lastWriteMs = m_hub.nowMs();
    sendFramed(*m_socket, bytes);
}

void SseSession::overflowed()
{
    logging::write(lcEvents(), QtWarningMsg, QStringLiteral("event stream too slow, closing"),
        {{QStringLiteral("user_id"), userId()}});
    finish();
}

void SseSession::sendResync(const QString &boardId)
{
    JsonWriter w(96);
    w.beginObject().field("board_id", boardId).endObject();
    enqueue(sseFrame("resync", w.take()));
}

void SseSession::sendSubscribed(const QString &boardId, qint64 seq)
{
    JsonWriter w(96);
    w.beginObject().field("board_id", boardId).field("seq", seq).endObject();
    enqueue(sseFrame("subscribed", w.take()));
}

void SseSession::sendRevoked(const QString &boardId, const QString &detail)
{
    JsonWriter w(160);
    w.beginObject()
        .field("code", "FORBIDDEN")
        .field("board_id", boardId)
        .field("detail", detail)
        .endObject();
    enqueue(sseFrame("error", w.take()));
    finish();
}

void SseSession::signOut(const QString &detail)
{
    if (isClosing())
        return;
    JsonWriter w(160);
    w.beginObject().field("code", "UNAUTHENTICATED").field("detail", detail).endObject();
    enqueue(sseFrame("error", w.take()));
    finish();
}

void SseSession::goAway()
{
    finish();
}

void SseSession::tick(qint64 nowMs)
{
    if (isClosing())
        return;
    if (nowMs - m_lastWriteMs >= m_hub.config().sseKeepAliveMs)
        enqueue(QByteArrayLiteral(": keep-alive\n\n"));
}

void SseSession::finish()
{
    if (!isClosing())
        flushAll();
    markClosing();
    m_expiryTimer.stop();
    if (m_socket) {
        flushQueued(*m_socket); // a frame held for this turn goes first
        m_socket->disconnectFromHost(); // sends what is buffered, then closes
    }
}

void SseSession::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    markClosing();
    m_expiryTimer.stop();
    m_hub.sessionClosed(this);
}

} // namespace corkboard
