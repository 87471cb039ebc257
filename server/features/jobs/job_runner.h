#pragma once

#include "server/features/jobs/job.h"
#include "server/features/jobs/job_queue.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>

namespace corkboard {

class Clock;

//! Runs claimed jobs through the handler registered for their kind. A handler signals failure
//! by throwing; it must be idempotent (it may run again after a crash). Blocking handlers run
//! one at a time; asynchronous ones (network calls) start and report later on this thread's
//! event loop, several at once within their kind's limits, so a slow one never holds up the
//! others.
class JobRunner
{
public:
    using Handler = std::function<void(const Job &job)>;
    using DeadHandler = std::function<void(const Job &job)>;
    //! Called exactly once when an asynchronous job ends: empty for success, else the error.
    using Done = std::function<void(const QString &error)>;
    struct AsyncHandler
    {
        std::function<void(const Job &job, Done done)> start;
        int maxInFlight = 16; //!< of this kind at once (then the kind is not claimed)
        int maxInFlightPerKey = 4; //!< … with the same concurrency key
    };

    JobRunner(
        JobQueue &queue, const Clock &clock, QString owner, qint64 leaseMs, qint64 retryBaseMs);
    ~JobRunner();

    void registerHandler(const QString &kind, Handler handler);
    void registerAsyncHandler(const QString &kind, AsyncHandler handler);
    //! Asynchronous jobs started and not yet ended.
    int inFlight() const { return int(m_inFlight.size()); }
    //! Called once for every job that ends dead (after the error line is logged).
    void setDeadHandler(DeadHandler handler) { m_onDead = std::move(handler); }

    //! Reaps jobs whose last lease expired, claims one due job and runs (or starts) it; false
    //! when there was nothing to do.
    bool runOne();
    const QString &owner() const { return m_owner; }

private:
    void reportDead(const Job &job);
    void finish(Job job, const QString &error);
    JobQueue::Exclusions exclusions() const;

    JobQueue &m_queue;
    const Clock &m_clock;
    QString m_owner;
    qint64 m_leaseMs;
    qint64 m_retryBaseMs;
    QHash<QString, Handler> m_handlers;
    QHash<QString, AsyncHandler> m_asyncHandlers;
    QHash<QString, Job> m_inFlight; // job id → the claimed job, for asynchronous kinds
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    DeadHandler m_onDead;
};

} // namespace corkboard
