#pragma once

#include "server/http/connection_limits.h"
#include "server/http/pipeline.h"
#include "server/http/router.h"

#include <QObject>
#include <QTimer>
#include <any>
#include <functional>
#include <memory>
#include <vector>

namespace corkboard {

struct ServerContext;
class Database;
class HttpServer;
class SocketHandoff;
struct ThreadContext;

//! Everything one server thread owns: its database connection, router, pipeline, QtHttpServer
//! object and the controllers registered on the router.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    HttpWorker(ServerContext &context, int index);
    ~HttpWorker() override;

    //! Thread-safe: queues the descriptor (admitted or to be refused) to this worker's thread.
    void handOff(qintptr descriptor, ConnectionLimiter::Verdict verdict, const QHostAddress &peer);
    //! Stops taking requests on idle connections; emits drained() once every connection is gone
    //! or the deadline passed.
    void drain(int timeoutMs);
    Router &router() { return m_router; }
    HttpServer &httpServer() { return *m_server; }
    //! Long-lived connections (live updates): begin() is called when draining starts (say
    //! goodbye, close), busy() is polled until it answers false or the deadline passes.
    void addDrainHook(std::function<void()> begin, std::function<bool()> busy);
    Pipeline &pipeline() { return *m_pipeline; }
    ThreadContext &threadContext() { return *m_threadContext; }

    //! Keeps a feature object alive as long as the worker.
    template<typename T>
    T &own(std::shared_ptr<T> object)
    {
        m_owned.push_back(object);
        return *object;
    }

Q_SIGNALS:
    void drained();

private:
    void checkDrained();

    ServerContext &m_context;
    int m_index;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ThreadContext> m_threadContext;
    Router m_router;
    std::unique_ptr<Pipeline> m_pipeline;
    HttpServer *m_server = nullptr;
    SocketHandoff *m_handoff = nullptr;
    std::vector<std::any> m_owned;
    std::vector<std::pair<std::function<void()>, std::function<bool()>>> m_drainHooks;
    QTimer m_drainTimer;
    qint64 m_drainDeadline = 0;
};

} // namespace corkboard
