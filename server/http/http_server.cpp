#include "server/http/http_server.h"

#include "server/http/metrics.h"
#include "server/http/pipeline.h"
#include "server/http/socket_send.h"
#include "server/http/tls_context.h"
#include "server/platform/log.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include <charconv>
#include <cstring>

#include <unistd.h>

namespace corkboard {

namespace {
// The reason phrases QHttpServerResponder writes (its table), for the statuses we answer with.
const char *statusReason(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Request Entity Too Large";
    case 414:
        return "Request-URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Requested Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 460:
        return "Checksum Mismatch";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return nullptr;
    }
}
} // namespace

SocketHandoff::SocketHandoff(GuardLimits limits, Metrics &metrics, ConnectionLimiter &limiter,
    const TlsContext *tls, QObject *parent)
    : QTcpServer(parent)
    , m_limits(std::move(limits))
    , m_metrics(metrics)
    , m_limiter(limiter)
    , m_tls(tls)
{
}

void SocketHandoff::adopt(
    qintptr descriptor, ConnectionLimiter::Verdict verdict, const QHostAddress &peer)
{
    ConnectionLimiter *limiter = &m_limiter;
    const bool admitted = verdict == ConnectionLimiter::Verdict::Admitted;
    const bool tls = m_tls && m_tls->isEnabled();
    QSslSocket *ssl = nullptr;
    QTcpSocket *socket = nullptr;
    if (tls) {
        ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_tls->configuration()); // the current one (SIGHUP reloads)
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        logging::write(lcHttp(), QtWarningMsg, QStringLiteral("could not adopt a connection"));
        delete socket;
        ::close(int(descriptor));
        if (admitted)
            limiter->release(peer);
        else
            limiter->endRefusal();
        return;
    }
    auto *guard = new ConnectionGuard(socket, m_limits);
    guard->setStreamDispatcher(m_streams);
    guard->setRequestSink(m_sink);
    if (!admitted && tls) {
        // A TLS client can read no answer before a handshake, and a handshake is what a flood
        // must not get: closed at once (counted in the refusal metrics).
        guard->setOnClosed([limiter] { limiter->endRefusal(); });
        socket->abort();
        delete socket;
        return;
    }
    if (!admitted) {
        // Never shown to QtHttpServer: answered, lingered over, deleted.
        guard->setOnClosed([limiter] { limiter->endRefusal(); });
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        if (verdict == ConnectionLimiter::Verdict::ServerFull) {
            guard->refuse(ErrorCode::Unavailable,
                QStringLiteral("the server has too many open connections; try again shortly"),
                kRetryAfterSeconds, true);
        } else {
            guard->refuse(ErrorCode::RateLimited,
                QStringLiteral("too many open connections from your address; close some or try "
                               "again shortly"),
                kRetryAfterSeconds, true);
        }
        return;
    }
    // The guard lives exactly as long as the socket, whoever ends up owning it (QtHttpServer, an
    // SSE stream, a WebSocket session): its end is the connection's end.
    m_metrics.connectionOpened();
    Metrics *metrics = &m_metrics;
    guard->setOnClosed([limiter, metrics, peer] {
        limiter->release(peer);
        metrics->connectionClosed();
    });
    if (tls) {
        // Ours until the handshake is done: the guard holds it to the header deadline, and a
        // connection that fails or times out is gone without QtHttpServer ever seeing it.
        auto deleteOnClose
            = connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        guard->expectTls([this, socket, guard, deleteOnClose] {
            disconnect(deleteOnClose);
            handToServer(socket, guard);
            // Application data that came with the end of the handshake is already decrypted;
            // QtHttpServer only reads on readyRead.
            if (socket->bytesAvailable() > 0) {
                QMetaObject::invokeMethod(
                    socket, [socket] { Q_EMIT socket->readyRead(); }, Qt::QueuedConnection);
            }
        });
        return;
    }
    handToServer(socket, guard);
}

void SocketHandoff::handToServer(QTcpSocket *socket, ConnectionGuard *guard)
{
    // QtHttpServer takes the socket at once (pendingConnectionAvailable) and connects its own
    // readyRead slot now, after the guard's.
    addPendingConnection(socket);
    guard->attachAfterServer();
}

HttpServer::HttpServer(Pipeline &pipeline, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_pipeline(pipeline)
{
}

void HttpServer::setUpgradeHandler(
    std::function<bool(const QHttpServerRequest &, QTcpSocket *)> handler)
{
    m_upgradeHandler = std::move(handler);
}

bool HttpServer::handleRequest(const QHttpServerRequest &raw, QTcpSocket *socket)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    if (!guard || guard->isRefused()) {
        // Already answered (or never guarded): on QtHttpServer's upgrade branch, false makes it
        // close the socket instead of switching it.
        if (!guard)
            socket->abort();
        return !socket->isTransactionStarted();
    }
    if (guard->isUpgradePending() || !raw.value("upgrade").isEmpty())
        return handleUpgrade(raw, socket, guard);
    Request request;
    switch (raw.method()) {
    case QHttpServerRequest::Method::Get:
        request.method = "GET";
        break;
    case QHttpServerRequest::Method::Put:
        request.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        request.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Post:
        request.method = "POST";
        break;
    case QHttpServerRequest::Method::Head:
        request.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Options:
        request.method = "OPTIONS";
        break;
    case QHttpServerRequest::Method::Patch:
        request.method = "PATCH";
        break;
    default:
        request.method = "UNKNOWN";
        break;
    }
    const QUrl url = raw.url();
    request.path = url.path(QUrl::FullyDecoded);
    request.query = raw.query();
    request.headers = raw.headers();
    request.body = raw.body();
    request.peer = raw.remoteAddress();
    request.transportPeer = request.peer;
    request.secure = guard->isEncrypted();
    request.socket = socket;
    request.guard = guard;
    if (guard->isAwaitingAnswer()) {
        // An earlier request on this connection is still on the write lane: this one is
        // answered after it (HTTP/1.1 answers in order).
        guard->enqueue(std::move(request));
        return true;
    }
    serve(request);
    return true;
}

void HttpServer::serve(Request &request)
{
    const QPointer<QTcpSocket> socket(request.socket);
    const QPointer<ConnectionGuard> guard(request.guard);
    std::optional<Response> response;
    if (guard) {
        response = m_pipeline.handleOrDefer(
            request, [this, socket, guard](const Request &finished, Response answer) {
                if (!socket || !guard)
                    return; // the client went away meanwhile
                if (!answer.takenOver)
                    write(finished, answer, socket);
                guard->answered();
            });
        if (!response) {
            if (guard)
                guard->awaitAnswer();
            return;
        }
    } else {
        response = m_pipeline.handle(request);
    }
    if (!response->takenOver)
        write(request, *response, request.socket);
}

bool HttpServer::handleUpgrade(
    const QHttpServerRequest &raw, QTcpSocket *socket, ConnectionGuard *guard)
{
    // QtHttpServer calls us from two places: its upgrade branch, which still holds the request in
    // a read transaction and hands the socket to its QWebSocketServer when we return true (and
    // calls missingHandler, then closes, when we return false); and its ordinary branch, which
    // committed the transaction and expects an answer. Only the guard-approved handshake arriving
    // on the upgrade branch goes to the hub; everything else is answered 400 and closed, never
    // left hanging and never switched.
    const bool upgradeBranch = socket->isTransactionStarted();
    flushQueued(*socket); // the handshake's answer goes through Qt's buffer
    if (upgradeBranch && guard->isUpgradePending() && m_upgradeHandler
        && m_upgradeHandler(raw, socket)) {
        return true;
    }
    if (upgradeBranch && guard->isUpgradePending()) {
        guard->refuse(ErrorCode::Unavailable, QStringLiteral("live updates are not available now"),
            SocketHandoff::kRetryAfterSeconds);
    } else {
        guard->refuse(ErrorCode::MalformedRequest,
            QStringLiteral("a WebSocket handshake needs Upgrade: websocket with Connection: "
                           "Upgrade, and only on the WebSocket path"));
    }
    return !upgradeBranch;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    if (const ConnectionGuard *guard = ConnectionGuard::of(socket); guard && guard->isRefused())
        return; // the guard answered already
    // handleRequest always answers; this is only reached if QtHttpServer changes its mind.
    const Response r
        = Pipeline::problem(ErrorCode::NotFound, QStringLiteral("no such resource"), QString());
    Request dummy;
    write(dummy, r, socket);
}

void HttpServer::write(const Request &request, const Response &response, QTcpSocket *socket)
{
    // The whole response in one buffer and one send (QHttpServerResponder writes status line and
    // every header in four QIODevice::write calls each, then waits for the event loop to flush).
    const bool withFile = response.file != nullptr;
    const bool closeAfter
        = withFile || request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    const bool withLength = response.status != 204 && response.status != 304;
    const bool withBody = withLength && request.method != "HEAD";
    const bool bodyInline = withBody && !withFile;
    const char *reason = statusReason(response.status);
    // Numbers written on the stack: two allocations per response fewer.
    char statusDigits[12];
    const QByteArrayView status(statusDigits,
        std::to_chars(statusDigits, statusDigits + sizeof statusDigits, response.status).ptr
            - statusDigits);
    char lengthDigits[24];
    const QByteArrayView length = withLength
        ? QByteArrayView(lengthDigits,
            std::to_chars(lengthDigits, lengthDigits + sizeof lengthDigits,
                withFile ? response.fileLength : qint64(response.body.size()))
                    .ptr
                - lengthDigits)
        : QByteArrayView();
    // Every piece of the response, in order, handed to `put`: run once to size the buffer and
    // once to fill it (QByteArray::append re-checked its capacity on each of the ~40 calls).
    auto pieces = [&](auto &&put) {
        auto header = [&put](QByteArrayView name, QByteArrayView value) {
            put(name);
            put(": ");
            put(value);
            put("\r\n");
        };
        put("HTTP/1.1 ");
        put(status);
        if (reason) {
            put(" ");
            put(reason);
        }
        put("\r\n");
        if (!response.contentType.isEmpty())
            header("Content-Type", response.contentType);
        for (const auto &h : response.headers)
            header(h.first, h.second);
        if (closeAfter)
            header("Connection", "close");
        if (withLength)
            header("Content-Length", length);
        put("\r\n");
        if (bodyInline)
            put(response.body);
    };
    qsizetype size = 0;
    pieces([&size](QByteArrayView piece) { size += piece.size(); });
    QByteArray out(size, Qt::Uninitialized);
    char *at = out.data();
    pieces([&at](QByteArrayView piece) {
        if (!piece.isEmpty()) // memcpy from a null view is undefined
            memcpy(at, piece.data(), size_t(piece.size()));
        at += piece.size();
    });
    if (withFile && withBody && response.fileLength > 0) {
        // No further request is read on this connection: its answer would interleave with the
        // file's bytes.
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        flushQueued(*socket);
        sendFile(*socket, out, response.file, response.fileOffset, response.fileLength);
        return;
    }
    if (closeAfter) {
        sendFramed(*socket, out); // behind whatever this thread still holds for the socket
        flushQueued(*socket);
        socket->disconnectFromHost();
        return;
    }
    sendResponse(*socket, out);
}

} // namespace corkboard
