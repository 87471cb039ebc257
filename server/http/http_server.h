#pragma once

#include "server/http/connection_guard.h"

#include <QAbstractHttpServer>
#include <QTcpServer>
#include <functional>

namespace corkboard {

class Pipeline;
class Metrics;
struct Request;
struct Response;

//! A QTcpServer that never listens: the acceptor hands it descriptors, it wraps each socket in a
//! ConnectionGuard before QtHttpServer sees a byte.
class SocketHandoff : public QTcpServer
{
    Q_OBJECT
public:
    SocketHandoff(GuardLimits limits, Metrics &metrics, QObject *parent = nullptr);
    //! Runs on the owning thread.
    void adopt(qintptr descriptor);

private:
    GuardLimits m_limits;
    Metrics &m_metrics;
};

//! Our QAbstractHttpServer: turns QHttpServerRequest into our Request, runs the pipeline, writes
//! the Response synchronously on the thread that owns the socket.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit HttpServer(Pipeline &pipeline, QObject *parent = nullptr);
    //! Upgrade requests (WebSocket) are handed to this hook; it returns true when it took them.
    void setUpgradeHandler(std::function<bool(const QHttpServerRequest &, QTcpSocket *)> handler);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void write(const Request &request, const Response &response, QTcpSocket *socket,
        const QHttpServerRequest &raw);

    Pipeline &m_pipeline;
    std::function<bool(const QHttpServerRequest &, QTcpSocket *)> m_upgradeHandler;
};

} // namespace corkboard
