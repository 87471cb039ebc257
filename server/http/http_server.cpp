#include "server/http/http_server.h"

#include "server/http/metrics.h"
#include "server/http/pipeline.h"
#include "server/platform/log.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>

namespace corkboard {

SocketHandoff::SocketHandoff(GuardLimits limits, Metrics &metrics, QObject *parent)
    : QTcpServer(parent)
    , m_limits(std::move(limits))
    , m_metrics(metrics)
{
}

void SocketHandoff::adopt(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        logging::write(lcHttp(), QtWarningMsg, QStringLiteral("could not adopt a connection"));
        delete socket;
        return;
    }
    m_metrics.connectionOpened();
    Metrics *metrics = &m_metrics;
    connect(socket, &QObject::destroyed, this, [metrics] { metrics->connectionClosed(); });
    auto *guard = new ConnectionGuard(socket, m_limits);
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
    if (m_upgradeHandler && raw.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        if (m_upgradeHandler(raw, socket))
            return true;
    }
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
    request.socket = socket;
    request.guard = socket->findChild<ConnectionGuard *>();
    const Response response = m_pipeline.handle(request);
    if (!response.takenOver)
        write(request, response, socket, raw);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest always answers; this is only reached if QtHttpServer changes its mind.
    const Response r
        = Pipeline::problem(ErrorCode::NotFound, QStringLiteral("no such resource"), QString());
    Request dummy;
    write(dummy, r, socket, request);
}

void HttpServer::write(const Request &request, const Response &response, QTcpSocket *socket,
    const QHttpServerRequest &raw)
{
    auto responder = makeResponder(raw, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    for (const auto &h : response.headers)
        responder.writeHeader(h.first, h.second);
    const bool closeAfter = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    if (closeAfter)
        responder.writeHeader("Connection", "close");
    if (response.status != 204 && response.status != 304)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    if (request.method == "HEAD" || response.status == 204 || response.status == 304)
        responder.writeBody(QByteArray());
    else
        responder.writeBody(response.body);
    if (closeAfter)
        socket->disconnectFromHost();
}

} // namespace corkboard
