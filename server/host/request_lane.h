#pragma once

#include "server/http/pipeline.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <memory>
#include <vector>

namespace corkboard {

class HttpWorker;
class Metrics;

//! The write lane (SQLite): board writes from every server thread run here, on one thread with
//! one connection, several per transaction. SQLite has one writer anyway; server threads taking
//! turns at it paid for each turn (a futex handoff, a page cache the other connection's write had
//! invalidated, a BEGIN and a COMMIT with its WAL frames each). Requests that queue up while a
//! batch runs go into the next one, each inside its own savepoint, so one request's failure never
//! undoes another's; every answer is sent once its batch has committed.
//!
//! Lives on its own thread; its handlers are `worker`'s (a worker that never takes connections).
class RequestLane : public QObject, public WriteLane
{
    Q_OBJECT
public:
    RequestLane(HttpWorker &worker, Metrics &metrics);
    ~RequestLane() override;

    void submit(std::shared_ptr<Request> request, QObject *context,
        std::function<void(Response)> done) override;

    //! The most requests one transaction takes.
    static constexpr int kMaxBatch = 64;

private:
    struct Job
    {
        std::shared_ptr<Request> request;
        QPointer<QObject> context;
        std::function<void(Response)> done;
    };
    void drain();
    void runBatch(std::vector<Job> &jobs);

    HttpWorker &m_worker;
    QMutex m_lock;
    std::vector<Job> m_queue;
    bool m_scheduled = false;
    std::shared_ptr<std::atomic<qint64>> m_batches;
    std::shared_ptr<std::atomic<qint64>> m_requests;
};

} // namespace corkboard
