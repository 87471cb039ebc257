#pragma once

#include "server/features/jobs/job.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <optional>

namespace corkboard {

class Database;

//! The jobs table: enqueue idempotently, claim under a lease, complete, fail with backoff.
//! Every state change is one UPDATE … WHERE that re-checks the state it expects, so two workers
//! (two processes on one SQLite file, or two PostgreSQL sessions) can never both own a job.
class JobQueue
{
public:
    explicit JobQueue(Database &db);

    struct NewJob
    {
        QString kind;
        QJsonObject payload;
        QString idempotencyKey;
        QString concurrencyKey; //!< see Job::concurrencyKey
        qint64 runAtMs = 0;
        int maxAttempts = 3;
    };
    //! Inserts the job unless one with the same idempotency key exists; true when inserted.
    bool enqueue(const NewJob &job, qint64 nowMs);

    //! What a claim must pass over: kinds and concurrency keys that are at their limit.
    struct Exclusions
    {
        QStringList kinds;
        QStringList concurrencyKeys;
    };
    //! Takes the oldest due job (queued and due, or running with an expired lease and attempts
    //! left) for `owner`, incrementing its attempts; nothing when there is none.
    std::optional<Job> claim(
        const QString &owner, qint64 nowMs, qint64 leaseMs, const Exclusions &skip = {});
    //! Marks a claimed job done; false when the claim was lost (lease expired and re-taken).
    bool complete(const Job &job, qint64 nowMs);

    enum class FailOutcome
    {
        Retrying,
        Dead,
        LostLease
    };
    //! Records the error; re-queues with backoff base·2^(attempts−1) or marks dead after the
    //! last attempt.
    FailOutcome fail(const Job &job, const QString &error, qint64 nowMs, qint64 retryBaseMs);
    //! Jobs whose lease expired on their last attempt (their worker died) become dead; returns
    //! them.
    QList<Job> reapExpired(qint64 nowMs);

    std::optional<Job> find(const QString &id);
    std::optional<Job> findByKey(const QString &idempotencyKey);
    //! Rows per state (for /metrics).
    QHash<QString, qint64> countByState();

    static qint64 backoffMs(int attempts, qint64 retryBaseMs);

private:
    Database &m_db;
};

} // namespace corkboard
