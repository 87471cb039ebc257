#include "server/http/connection_guard.h"

#include "server/http/pipeline.h"
#include "server/http/request.h"
#include "server/http/socket_send.h"
#include "server/http/stream_dispatcher.h"
#include "server/http/upload_stream.h"
#include "server/platform/log.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <limits>
#include <utility>

#include <sys/ioctl.h>
#include <sys/socket.h>

namespace corkboard {

namespace {
// What the limits allow at most, as a QTimer interval.
int clampMs(qint64 ms)
{
    return int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max()));
}

//! Runs `onEnd` when its socket (its parent) is destroyed.
class ConnectionEnd : public QObject
{
public:
    ConnectionEnd(QTcpSocket *socket, std::function<void()> onEnd)
        : QObject(socket)
        , m_onEnd(std::move(onEnd))
    {
    }
    ~ConnectionEnd() override { m_onEnd(); }
    ConnectionEnd(const ConnectionEnd &) = delete;
    ConnectionEnd &operator=(const ConnectionEnd &) = delete;

private:
    std::function<void()> m_onEnd;
};
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, GuardLimits limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(std::move(limits))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimerFired);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServerRead);
    armTimer();
}

ConnectionGuard::~ConnectionGuard()
{
    abortStream();
    if (m_onClosed)
        m_onClosed();
}

ConnectionGuard *ConnectionGuard::of(const QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::attachAfterServer()
{
    if (m_socket)
        connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterServerRead);
}

void ConnectionGuard::expectTls(std::function<void()> onEncrypted)
{
    auto *ssl = qobject_cast<QSslSocket *>(m_socket.data());
    if (!ssl)
        return;
    m_state = State::TlsHandshake;
    m_onEncrypted = std::move(onEncrypted);
    connect(ssl, &QSslSocket::encrypted, this, [this] {
        if (m_state != State::TlsHandshake)
            return;
        m_state = State::Idle;
        m_fresh = true; // the header deadline starts again for the first request
        armTimer();
        if (m_onEncrypted)
            m_onEncrypted();
    });
    // A failed handshake (wrong protocol version, no shared cipher, garbage) ends the connection;
    // nothing can be said to a peer that does not speak our TLS.
    connect(ssl, &QAbstractSocket::errorOccurred, this, [this, ssl](QAbstractSocket::SocketError) {
        if (m_state != State::TlsHandshake)
            return;
        logging::write(lcSecurity(), QtInfoMsg, QStringLiteral("TLS handshake failed"),
            {{QStringLiteral("peer"), ssl->peerAddress().toString()},
                {QStringLiteral("error"), ssl->errorString()}});
        m_state = State::Rejected;
        clearDeadline();
        ssl->abort();
    });
    armTimer();
}

bool ConnectionGuard::isEncrypted() const
{
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket.data());
    return ssl && ssl->isEncrypted();
}

void ConnectionGuard::sniffTls()
{
    auto *ssl = qobject_cast<QSslSocket *>(m_socket.data());
    if (!ssl || m_tlsStarted)
        return; // the handshake is running: its bytes are the TLS layer's
    char first = 0;
    // Unencrypted mode: peek() looks at the plain socket without taking anything, so the bytes
    // are still there for the handshake.
    if (ssl->peek(&first, 1) != 1)
        return;
    m_fresh = false;
    if (first == 0x16) { // TLS record type "handshake": a ClientHello
        m_tlsStarted = true;
        ssl->startServerEncryption();
        return;
    }
    // Most likely plain HTTP sent to the HTTPS port: say so in words it can read, then close.
    refuse(ErrorCode::MalformedRequest,
        QStringLiteral("this port speaks HTTPS only; use https:// in the address"));
}

void ConnectionGuard::exemptFromTimeouts()
{
    m_state = State::Exempt;
    clearDeadline();
}

void ConnectionGuard::handOverToWebSocket()
{
    if (m_state != State::UpgradePending)
        return;
    m_state = State::Exempt;
    clearDeadline();
    m_timer.stop();
    // Nothing else is framed on this connection, and an idle live connection is mostly memory:
    // the guard goes (with its timer and its two read hooks about 1 KiB a connection). What it
    // runs at the connection's end (giving the connection's place back) moves to a small object
    // that dies with the socket, as the guard would have. (Not a connection to the socket's
    // destroyed signal: QWebSocket disconnects everything from its socket when it closes.)
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        if (m_onClosed)
            new ConnectionEnd(m_socket, std::exchange(m_onClosed, nullptr));
    }
    deleteLater();
}

bool ConnectionGuard::isIdle() const
{
    if (m_awaiting || !m_queued.empty())
        return false;
    if (m_state == State::TlsHandshake)
        return true; // no request can be in flight before the handshake is done
    if (m_state != State::Idle || !m_headerBlock.isEmpty())
        return false;
    if (!m_socket)
        return true;
    // A request whose first bytes already arrived is in flight even if this thread has not read
    // them yet (shutdown must not close it): look at Qt's buffer and at the kernel's.
    if (m_socket->bytesAvailable() > 0)
        return false;
    int pending = 0;
    const qintptr fd = m_socket->socketDescriptor();
    return fd < 0 || ::ioctl(int(fd), FIONREAD, &pending) != 0 || pending == 0;
}

void ConnectionGuard::closeWhenIdle()
{
    m_closeWhenIdle = true;
    if (m_socket)
        flushQueued(*m_socket);
    if (m_socket && isIdle() && m_socket->bytesToWrite() == 0)
        m_socket->disconnectFromHost();
}

qint64 ConnectionGuard::bodyDeadlineMs(QString *why) const
{
    // Three rules, the earliest wins: a silence longer than the stall timeout; an average rate
    // under the minimum once the first stall timeout has passed (every byte buys 1/rate s, so a
    // trickle of a byte every few seconds cannot keep the connection); a total deadline.
    qint64 deadline = m_bodyLastMs + m_limits.bodyStallTimeoutMs;
    *why = QStringLiteral("the request body stalled");
    if (m_limits.bodyMinBytesPerSecond > 0) {
        const qint64 byRate = m_bodyStartMs + m_limits.bodyStallTimeoutMs
            + m_bodyReceived * 1000 / m_limits.bodyMinBytesPerSecond;
        if (byRate < deadline) {
            deadline = byRate;
            *why = QStringLiteral("the request body is arriving too slowly (under %1 bytes/s)")
                       .arg(m_limits.bodyMinBytesPerSecond);
        }
    }
    const qint64 total = m_bodyStartMs + m_limits.bodyDeadlineMs;
    if (total < deadline) {
        deadline = total;
        *why = QStringLiteral("the request body took too long");
    }
    return deadline;
}

void ConnectionGuard::armTimer()
{
    switch (m_state) {
    case State::TlsHandshake:
        // The handshake (and the client's first byte before it) gets the header deadline.
        if (!hasDeadline())
            setDeadline(m_limits.headerTimeoutMs);
        break;
    case State::Idle:
        // A connection that never says anything gets the header deadline, not the keep-alive one.
        setDeadline(m_fresh ? m_limits.headerTimeoutMs : m_limits.idleTimeoutMs);
        break;
    case State::Headers:
        if (!hasDeadline()) // a deadline from the first byte: trickling does not extend it
            setDeadline(m_limits.headerTimeoutMs);
        break;
    case State::Body:
    case State::Streaming: {
        QString why;
        setDeadline(clampMs(bodyDeadlineMs(&why) - m_clock.elapsed()));
        break;
    }
    case State::UpgradePending:
        // The handshake is complete: the hub answers it at once or it never will.
        setDeadline(m_limits.headerTimeoutMs);
        break;
    case State::Exempt:
    case State::Rejected:
        clearDeadline();
        break;
    }
}

void ConnectionGuard::setDeadline(qint64 ms)
{
    if (m_lingering)
        return;
    const qint64 due = m_clock.elapsed() + ms;
    m_due = due;
    if (!m_timer.isActive() || m_timerDue > due) {
        m_timer.start(clampMs(ms));
        m_timerDue = due;
    }
}

void ConnectionGuard::onTimerFired()
{
    if (m_due < 0)
        return;
    const qint64 left = m_due - m_clock.elapsed();
    if (left > 0) { // the deadline moved on since the timer was set (or a coarse timer ran early)
        m_timer.start(clampMs(left));
        m_timerDue = m_due;
        return;
    }
    m_due = -1;
    onTimeout();
}

void ConnectionGuard::onTimeout()
{
    if (!m_socket)
        return;
    switch (m_state) {
    case State::TlsHandshake:
        // Slow or silent handshakes hold a descriptor and a place under the caps: not for long.
        logging::write(lcSecurity(), QtInfoMsg,
            QStringLiteral("TLS handshake not finished in time, closing"),
            {{QStringLiteral("peer"), m_socket->peerAddress().toString()}});
        m_state = State::Rejected;
        m_socket->abort();
        break;
    case State::Idle:
        flushQueued(*m_socket);
        if (m_socket->bytesToWrite() > 0) {
            setDeadline(m_limits.idleTimeoutMs);
            return;
        }
        m_socket->disconnectFromHost();
        break;
    case State::Headers:
        refuse(ErrorCode::RequestTimeout, QStringLiteral("the request headers took too long"));
        break;
    case State::Body:
    case State::Streaming: {
        QString why;
        const qint64 deadline = bodyDeadlineMs(&why);
        if (m_clock.elapsed() < deadline) {
            setDeadline(clampMs(deadline - m_clock.elapsed()));
            return;
        }
        abortStream(); // what arrived is kept or dropped by the route, as for a cut-off
        refuse(ErrorCode::RequestTimeout, why);
        break;
    }
    case State::UpgradePending:
        // Mid-handshake there is no HTTP exchange left to answer in.
        logging::write(lcSecurity(), QtWarningMsg,
            QStringLiteral("WebSocket handshake not taken in time, closing"),
            {{QStringLiteral("peer"), m_socket->peerAddress().toString()}});
        m_state = State::Rejected;
        m_socket->abort();
        break;
    default:
        break;
    }
}

void ConnectionGuard::beforeServerRead()
{
    if (!m_socket)
        return;
    if (m_state == State::Rejected) {
        m_socket->readAll();
        return;
    }
    if (m_state == State::TlsHandshake) {
        sniffTls();
        return;
    }
    if (m_state == State::Exempt || m_state == State::UpgradePending)
        return;
    if (m_state == State::Streaming) {
        pumpStream();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_unconsumed)
        return;
    const QByteArray fresh = m_socket->peek(available).mid(m_unconsumed);
    // At a request boundary: QtHttpServer holds no part of a request on this connection.
    const bool atBoundary = m_unconsumed == 0 && m_state == State::Idle && m_headerBlock.isEmpty();
    m_scanBase = m_unconsumed;
    m_headsThisRead = 0;
    m_bodyThisRead = false;
    m_unconsumed = available; // until the server tells us what it took
    m_fresh = false;
    if (!scan(fresh.constData(), fresh.size()))
        return;
    if (m_state == State::Streaming && m_takeoverPending) {
        startStream();
        return;
    }
    if (atBoundary && !m_awaiting && m_sink && m_headsThisRead == 1 && m_state == State::Idle
        && m_headerBlock.isEmpty() && serveDirect(fresh)) {
        return;
    }
    armTimer();
}

void ConnectionGuard::afterServerRead()
{
    if (!m_socket || m_state == State::Exempt)
        return;
    m_unconsumed = m_socket->bytesAvailable();
    if (m_closeWhenIdle && isIdle())
        closeWhenIdle();
}

bool ConnectionGuard::scan(const char *data, qsizetype size)
{
    qsizetype pos = 0;
    while (pos < size) {
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, size - pos);
            m_bodyRemaining -= take;
            m_bodyReceived += take;
            m_bodyLastMs = m_clock.elapsed();
            m_bodyThisRead = true;
            pos += take;
            if (m_bodyRemaining == 0) {
                m_state = State::Idle;
                clearDeadline();
            }
            continue;
        }
        if (m_state == State::Rejected)
            return false;
        if (m_state != State::Idle && m_state != State::Headers)
            return true; // the rest belongs to the WebSocket (or a stream)
        // Idle or Headers: collect the header block up to the blank line.
        if (m_state == State::Idle) {
            // Tolerate stray CRLFs between requests (RFC 9112 §2.2).
            if (m_headerBlock.isEmpty() && (data[pos] == '\r' || data[pos] == '\n')) {
                ++pos;
                continue;
            }
            m_state = State::Headers;
            clearDeadline();
        }
        const qsizetype before = m_headerBlock.size();
        const qsizetype chunk
            = std::min<qsizetype>(size - pos, m_limits.maxHeaderBytes + 4 - before);
        m_headerBlock.append(data + pos, chunk);
        // Only the new bytes (and the two before them) can complete the blank line.
        const qsizetype blockEnd = http::findHeadEnd(m_headerBlock, before - 2);
        if (blockEnd < 0) {
            if (m_headerBlock.size() > m_limits.maxHeaderBytes) {
                refuse(ErrorCode::HeadersTooLarge,
                    QStringLiteral("the request headers are too large"));
                return false;
            }
            pos += chunk;
            continue;
        }
        pos += blockEnd - before;
        m_lastBodyOffset = pos;
        m_headerBlock.truncate(blockEnd);
        if (!acceptHead())
            return false;
        if (m_state == State::Streaming) {
            // The rest is this upload's body: the guard reads it itself (startStream).
            m_takeoverSkip = m_scanBase + pos;
            return true;
        }
        // The client waits for "100 Continue" before sending the body it announced (curl does
        // for large bodies); QtHttpServer never sends it, so the client would stall for its own
        // timeout. Only when nothing else is in flight on this connection (no bytes follow).
        if (m_expectContinue && m_state == State::Body && pos == size && m_socket)
            sendFramed(*m_socket, QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    }
    return true;
}

bool ConnectionGuard::acceptHead()
{
    const http::RequestHead head = http::scanRequestHead(m_headerBlock, m_limits);
    m_streamHeadBlock = std::exchange(m_headerBlock, QByteArray());
    if (head.outcome != http::RequestHead::Outcome::Complete) {
        refuse(head.code, head.detail);
        return false;
    }
    clearDeadline();
    ++m_headsThisRead;
    if (!head.webSocketUpgrade && m_streams
        && m_streams->wantsStream(head.method, head.target, head.contentType)) {
        auto request = std::make_unique<Request>();
        request->method = head.method;
        request->setTarget(head.target);
        request->headers = http::headerFields(m_streamHeadBlock);
        m_streamRequest = std::move(request);
        m_bodyRemaining = head.contentLength;
        m_bodyReceived = 0;
        m_bodyStartMs = m_bodyLastMs = m_clock.elapsed();
        m_expectContinue = head.expectContinue;
        m_state = State::Streaming;
        m_takeoverPending = true;
        return true;
    }
    if (head.webSocketUpgrade) {
        // Valid on the WebSocket path: QtHttpServer hands the socket to the live hub next. Until
        // the hub says it took it, the connection stays ours (see handOverToWebSocket).
        m_state = State::UpgradePending;
        return true;
    }
    m_lastMethod = head.method;
    m_lastTarget = head.target;
    m_lastBodyLength = head.contentLength;
    m_bodyRemaining = head.contentLength;
    m_bodyReceived = 0;
    m_bodyStartMs = m_bodyLastMs = m_clock.elapsed();
    m_expectContinue = head.expectContinue;
    m_state = head.contentLength > 0 ? State::Body : State::Idle;
    return true;
}

void ConnectionGuard::refuse(
    ErrorCode code, const QString &detail, int retryAfterSeconds, bool quiet)
{
    if (m_state == State::Rejected)
        return;
    m_state = State::Rejected;
    clearDeadline();
    if (!m_socket)
        return;
    const QString requestId = m_streamRequest && !m_streamRequest->requestId.isEmpty()
        ? m_streamRequest->requestId
        : Pipeline::requestIdFor(QByteArray());
    Response r = Pipeline::problem(code, detail, requestId);
    r.withHeader("X-Request-Id", requestId.toLatin1());
    if (retryAfterSeconds > 0)
        r.withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    Pipeline::addSecurityHeaders(r, QString(), isEncrypted());
    const QByteArray out = serialize(r);
    if (!quiet) {
        logging::write(lcSecurity(), QtWarningMsg,
            QStringLiteral("connection refused by the guard"),
            {{QStringLiteral("status"), r.status}, {QStringLiteral("reason"), detail},
                {QStringLiteral("peer"), m_socket->peerAddress().toString()}});
    }
    // The server must not parse what we refused, nor keep it: QtHttpServer reads inside a
    // QIODevice transaction, which makes readAll() keep every byte (a 300 MB upload was buffered
    // whole). End the transaction and take its readyRead slot away; ours discards from here on.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServerRead);
    m_socket->readAll();
    m_unconsumed = 0;
    sendAndLinger(out);
    Q_EMIT rejected(r.status);
}

QByteArray ConnectionGuard::serialize(const Response &r)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' '
        + reasonPhrase(r.status).toLatin1() + "\r\n";
    if (!r.contentType.isEmpty())
        out += "Content-Type: " + r.contentType + "\r\n";
    if (r.status != 204 && r.status != 304)
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    out += "Connection: close\r\n";
    for (const auto &h : std::as_const(r.headers))
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    if (r.status != 204 && r.status != 304)
        out += r.body;
    return out;
}

void ConnectionGuard::answerAndClose(const Response &response)
{
    m_state = State::Rejected;
    clearDeadline();
    if (!m_socket)
        return;
    m_socket->readAll(); // a refused body is not read any further
    sendAndLinger(serialize(response));
}

void ConnectionGuard::sendAndLinger(const QByteArray &out)
{
    flushQueued(*m_socket); // an answer held back for this connection goes first
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.data()); ssl && ssl->isEncrypted()) {
        // Over TLS the answer is encrypted by Qt; once every encrypted byte is out, the same
        // lingering close as below.
        ssl->write(out);
        auto shutdownWhenSent = [this, ssl] {
            if (m_socket && ssl->bytesToWrite() == 0 && ssl->encryptedBytesToWrite() == 0
                && ssl->socketDescriptor() >= 0)
                ::shutdown(int(ssl->socketDescriptor()), SHUT_WR);
        };
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, shutdownWhenSent);
        ssl->flush();
        shutdownWhenSent();
    } else {
        sendPlainAndLinger(out);
    }
    m_lingering = true;
    m_due = -1;
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
    m_timer.start(2000);
}

void ConnectionGuard::sendPlainAndLinger(const QByteArray &out)
{
    // Straight into the kernel when nothing else is queued (the usual case): a flood of refusals
    // then costs no 16 KiB write buffer per connection. Whatever does not fit goes through Qt.
    const qintptr fd = m_socket->socketDescriptor();
    qsizetype sent = 0;
    if (fd >= 0 && m_socket->bytesToWrite() == 0) {
        const ssize_t n
            = ::send(int(fd), out.constData(), size_t(out.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        sent = n > 0 ? qsizetype(n) : 0;
    }
    // Lingering close: stop sending once the answer is out, keep discarding what the peer still
    // sends for a moment, so it reads our answer instead of a connection reset.
    if (sent == out.size()) {
        ::shutdown(int(fd), SHUT_WR);
    } else {
        m_socket->write(out.mid(sent));
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket && m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        });
    }
}

} // namespace corkboard
