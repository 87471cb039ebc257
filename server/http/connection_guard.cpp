#include "server/http/connection_guard.h"

#include "server/http/pipeline.h"
#include "server/platform/log.h"

#include <QTcpSocket>

#include <sys/ioctl.h>
#include <sys/socket.h>

namespace corkboard {

namespace {
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool validRequestLine(const QByteArray &line, QByteArray *method, QByteArray *target)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return false;
    for (const char c : parts[0]) {
        if (!isTokenChar(c))
            return false;
    }
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return false;
    for (const char c : parts[1]) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return false;
    }
    if (!parts[1].startsWith('/') && parts[1] != "*" && !parts[1].startsWith("http://")
        && !parts[1].startsWith("https://"))
        return false;
    *method = parts[0];
    *target = parts[1];
    return true;
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, GuardLimits limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(std::move(limits))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServerRead);
    armTimer();
}

ConnectionGuard::~ConnectionGuard() = default;

void ConnectionGuard::attachAfterServer()
{
    if (m_socket)
        connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterServerRead);
}

void ConnectionGuard::exemptFromTimeouts()
{
    m_state = State::Exempt;
    m_timer.stop();
}

bool ConnectionGuard::isIdle() const
{
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
    if (m_socket && isIdle() && m_socket->bytesToWrite() == 0)
        m_socket->disconnectFromHost();
}

void ConnectionGuard::armTimer()
{
    switch (m_state) {
    case State::Idle:
        m_timer.start(m_limits.idleTimeoutMs);
        break;
    case State::Headers:
        if (!m_timer.isActive()) // a deadline from the first byte: trickling does not extend it
            m_timer.start(m_limits.headerTimeoutMs);
        break;
    case State::Body:
        m_timer.start(m_limits.bodyStallTimeoutMs);
        break;
    case State::Exempt:
    case State::Rejected:
        m_timer.stop();
        break;
    }
}

void ConnectionGuard::onTimeout()
{
    if (!m_socket)
        return;
    switch (m_state) {
    case State::Idle:
        if (m_socket->bytesToWrite() > 0) {
            m_timer.start(m_limits.idleTimeoutMs);
            return;
        }
        m_socket->disconnectFromHost();
        break;
    case State::Headers:
        reject(ErrorCode::RequestTimeout, QStringLiteral("the request headers took too long"));
        break;
    case State::Body:
        reject(ErrorCode::RequestTimeout, QStringLiteral("the request body stalled"));
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
    if (m_state == State::Exempt)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_unconsumed)
        return;
    const QByteArray fresh = m_socket->peek(available).mid(m_unconsumed);
    m_unconsumed = available; // until the server tells us what it took
    if (scan(fresh.constData(), fresh.size()))
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
            pos += take;
            if (m_bodyRemaining == 0) {
                m_state = State::Idle;
                m_timer.stop();
            }
            continue;
        }
        if (m_state == State::Exempt || m_state == State::Rejected)
            return m_state != State::Rejected;
        // Idle or Headers: collect the header block up to the blank line.
        if (m_state == State::Idle) {
            // Tolerate stray CRLFs between requests (RFC 9112 §2.2).
            if (m_headerBlock.isEmpty() && (data[pos] == '\r' || data[pos] == '\n')) {
                ++pos;
                continue;
            }
            m_state = State::Headers;
            m_timer.stop();
        }
        const qsizetype before = m_headerBlock.size();
        const qsizetype chunk
            = std::min<qsizetype>(size - pos, m_limits.maxHeaderBytes + 4 - before);
        m_headerBlock.append(data + pos, chunk);
        // The block ends at the first empty line. A bare-LF line end counts too (QtHttpServer's
        // parser accepts it, so the guard must see the same request end), and is refused below.
        const qsizetype searchFrom = std::max<qsizetype>(0, before - 2);
        const qsizetype crlf = m_headerBlock.indexOf("\n\r\n", searchFrom);
        const qsizetype lf = m_headerBlock.indexOf("\n\n", searchFrom);
        qsizetype blockEnd = -1; // one past the block's last byte
        if (crlf >= 0 && (lf < 0 || crlf < lf))
            blockEnd = crlf + 3;
        else if (lf >= 0)
            blockEnd = lf + 2;
        if (blockEnd < 0) {
            if (m_headerBlock.size() > m_limits.maxHeaderBytes) {
                reject(ErrorCode::HeadersTooLarge,
                    QStringLiteral("the request headers are too large"));
                return false;
            }
            pos += chunk;
            continue;
        }
        pos += blockEnd - before;
        m_headerBlock.truncate(blockEnd);
        if (m_headerBlock.size() > m_limits.maxHeaderBytes + 4) {
            reject(ErrorCode::HeadersTooLarge, QStringLiteral("the request headers are too large"));
            return false;
        }
        if (!inspectHeaderBlock())
            return false;
        m_headerBlock.clear();
        // The client waits for "100 Continue" before sending the body it announced (curl does
        // for large bodies); QtHttpServer never sends it, so the client would stall for its own
        // timeout. Only when nothing else is in flight on this connection (no bytes follow).
        if (m_expectContinue && m_state == State::Body && pos == size && m_socket)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    return true;
}

bool ConnectionGuard::inspectHeaderBlock()
{
    // Drop the final empty line, then split; the piece after the last line end is empty.
    QList<QByteArray> lines
        = m_headerBlock.chopped(m_headerBlock.endsWith("\r\n") ? 2 : 1).split('\n');
    lines.removeLast();
    QByteArray method;
    QByteArray target;
    const QByteArray requestLine = lines.value(0).chopped(lines.value(0).endsWith('\r') ? 1 : 0);
    if (!lines.value(0).endsWith('\r') || !validRequestLine(requestLine, &method, &target)) {
        reject(ErrorCode::MalformedRequest, QStringLiteral("the request line is malformed"));
        return false;
    }
    if (lines.size() - 1 > m_limits.maxHeaderFields) {
        reject(
            ErrorCode::HeadersTooLarge, QStringLiteral("the request has too many header fields"));
        return false;
    }
    int contentLengths = 0;
    qint64 contentLength = 0;
    bool hasTransferEncoding = false;
    bool upgradeWebSocket = false;
    bool expectContinue = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (!line.endsWith('\r')) {
            reject(ErrorCode::MalformedRequest, QStringLiteral("header lines must end with CRLF"));
            return false;
        }
        line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t')) {
            reject(ErrorCode::MalformedRequest, QStringLiteral("a header field is malformed"));
            return false;
        }
        const QByteArray name = line.left(colon);
        for (const char c : name) {
            if (!isTokenChar(c)) {
                reject(ErrorCode::MalformedRequest, QStringLiteral("a header name is malformed"));
                return false;
            }
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            ++contentLengths;
            bool ok = !value.isEmpty() && value.size() <= 18;
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            if (!ok || contentLengths > 1) {
                reject(ErrorCode::MalformedRequest,
                    QStringLiteral("Content-Length is invalid or repeated"));
                return false;
            }
            contentLength = value.toLongLong();
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            hasTransferEncoding = true;
        } else if (name.compare("Upgrade", Qt::CaseInsensitive) == 0) {
            upgradeWebSocket = value.compare("websocket", Qt::CaseInsensitive) == 0;
        } else if (name.compare("Expect", Qt::CaseInsensitive) == 0) {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    if (hasTransferEncoding && contentLengths > 0) {
        reject(ErrorCode::MalformedRequest,
            QStringLiteral("Content-Length together with Transfer-Encoding"));
        return false;
    }
    if (hasTransferEncoding) {
        reject(ErrorCode::LengthRequired,
            QStringLiteral("send the body with a Content-Length, chunked bodies are not accepted"));
        return false;
    }
    const qint64 limit
        = m_limits.bodyLimitFor ? m_limits.bodyLimitFor(method, target) : m_limits.maxBodyBytes;
    if (contentLength > limit) {
        reject(ErrorCode::PayloadTooLarge,
            QStringLiteral("the request body is larger than %1 bytes").arg(limit));
        return false;
    }
    if (upgradeWebSocket) {
        // The WebSocket hub authenticates the first message; from here on the guard stays out.
        m_state = State::Exempt;
        m_timer.stop();
        return true;
    }
    m_bodyRemaining = contentLength;
    m_expectContinue = expectContinue && requestLine.endsWith("HTTP/1.1");
    m_state = contentLength > 0 ? State::Body : State::Idle;
    m_timer.stop();
    return true;
}

void ConnectionGuard::reject(ErrorCode code, const QString &detail)
{
    m_state = State::Rejected;
    m_timer.stop();
    if (!m_socket)
        return;
    const QString requestId = Pipeline::requestIdFor(QByteArray());
    Response r = Pipeline::problem(code, detail, requestId);
    r.withHeader("X-Request-Id", requestId.toLatin1());
    Pipeline::addSecurityHeaders(r, QString());
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' '
        + reasonPhrase(r.status).toLatin1() + "\r\n";
    out += "Content-Type: " + r.contentType
        + "\r\nContent-Length: " + QByteArray::number(r.body.size()) + "\r\nConnection: close\r\n";
    for (const auto &h : std::as_const(r.headers))
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n" + r.body;
    logging::write(lcSecurity(), QtWarningMsg, QStringLiteral("connection refused by the guard"),
        {{QStringLiteral("status"), r.status}, {QStringLiteral("reason"), detail},
            {QStringLiteral("peer"), m_socket->peerAddress().toString()}});
    // The server must not parse what we refused, nor keep it: QtHttpServer reads inside a
    // QIODevice transaction, which makes readAll() keep every byte (a 300 MB upload was buffered
    // whole). End the transaction and take its readyRead slot away; ours discards from here on.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServerRead);
    m_socket->readAll();
    m_unconsumed = 0;
    m_socket->write(out);
    // Lingering close: stop sending once the answer is out, keep discarding what the peer still
    // sends for a moment, so it reads our answer instead of a connection reset.
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket && m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    });
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
    m_timer.start(2000);
    Q_EMIT rejected(r.status);
}

} // namespace corkboard
