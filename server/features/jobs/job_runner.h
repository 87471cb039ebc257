#pragma once

#include "server/features/jobs/job.h"

#include <QHash>
#include <QString>
#include <functional>

namespace corkboard {

class Clock;
class JobQueue;

//! Runs one claimed job at a time through the handler registered for its kind. A handler
//! signals failure by throwing; it must be idempotent (it may run again after a crash).
class JobRunner
{
public:
    using Handler = std::function<void(const Job &job)>;
    using DeadHandler = std::function<void(const Job &job)>;

    JobRunner(
        JobQueue &queue, const Clock &clock, QString owner, qint64 leaseMs, qint64 retryBaseMs);

    void registerHandler(const QString &kind, Handler handler);
    //! Called once for every job that ends dead (after the error line is logged).
    void setDeadHandler(DeadHandler handler) { m_onDead = std::move(handler); }

    //! Reaps jobs whose last lease expired, claims one due job and runs it; false when there
    //! was nothing to do.
    bool runOne();
    const QString &owner() const { return m_owner; }

private:
    void reportDead(const Job &job);

    JobQueue &m_queue;
    const Clock &m_clock;
    QString m_owner;
    qint64 m_leaseMs;
    qint64 m_retryBaseMs;
    QHash<QString, Handler> m_handlers;
    DeadHandler m_onDead;
};

} // namespace corkboard
