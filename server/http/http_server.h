#pragma once

#include "server/http/connection_guard.h"
#include "server/http/connection_limits.h"
#include "server/http/request_sink.h"

#include <QAbstractHttpServer>
#include <QTcpServer>
#include <functional>

namespace corkboard {

class Pipeline;
class Metrics;
class TlsContext;
class StreamDispatcher;
struct Request;
struct Response;

//! A QTcpServer that never listens: the acceptor hands it descriptors, it wraps each socket in a
//! ConnectionGuard before QtHttpServer sees a byte.
class SocketHandoff : public QTcpServer
{
    Q_OBJECT
public:
    //! `tls`: when set and enabled, every connection is HTTPS (a QSslSocket whose handshake the
    //! guard watches); QtHttpServer sees a connection only once it is encrypted.
    SocketHandoff(GuardLimits limits, Metrics &metrics, ConnectionLimiter &limiter,
        const TlsContext *tls = nullptr, QObject *parent = nullptr);
    //! Runs on the owning thread. `verdict` is the acceptor's: an admitted connection goes to
    //! QtHttpServer behind its guard; a refused one is answered 503/429 and closed (the acceptor
    //! counted it in with beginRefusal()).
    void adopt(qintptr descriptor, ConnectionLimiter::Verdict verdict, const QHostAddress &peer);

    //! Upload routes are streamed by the guards through this (the pipeline).
    void setStreamDispatcher(StreamDispatcher *dispatcher) { m_streams = dispatcher; }
    //! Plain requests the guards framed whole go here (see ConnectionGuard::setRequestSink).
    void setRequestSink(RequestSink *sink) { m_sink = sink; }

    //! Seconds a refused client is told to wait (Retry-After).
    static constexpr int kRetryAfterSeconds = 5;

private:
    void handToServer(QTcpSocket *socket, ConnectionGuard *guard);

    GuardLimits m_limits;
    Metrics &m_metrics;
    ConnectionLimiter &m_limiter;
    const TlsContext *m_tls;
    StreamDispatcher *m_streams = nullptr;
    RequestSink *m_sink = nullptr;
};

//! Our QAbstractHttpServer: turns QHttpServerRequest into our Request (or takes the Request a
//! connection guard framed, as its RequestSink), runs the pipeline, writes the Response
//! synchronously on the thread that owns the socket.
class HttpServer : public QAbstractHttpServer, public RequestSink
{
    Q_OBJECT
public:
    explicit HttpServer(Pipeline &pipeline, QObject *parent = nullptr);
    //! Upgrade requests (WebSocket) are handed to this hook; it returns true when it took them.
    void setUpgradeHandler(std::function<bool(const QHttpServerRequest &, QTcpSocket *)> handler);
    void serve(Request &request) override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool handleUpgrade(const QHttpServerRequest &raw, QTcpSocket *socket, ConnectionGuard *guard);
    void write(const Request &request, const Response &response, QTcpSocket *socket);

    Pipeline &m_pipeline;
    std::function<bool(const QHttpServerRequest &, QTcpSocket *)> m_upgradeHandler;
};

} // namespace corkboard
