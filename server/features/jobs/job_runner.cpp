#include "server/features/jobs/job_runner.h"

#include "server/features/jobs/job_queue.h"
#include "server/platform/clock.h"
#include "server/platform/log.h"

#include <exception>

namespace corkboard {

JobRunner::JobRunner(
    JobQueue &queue, const Clock &clock, QString owner, qint64 leaseMs, qint64 retryBaseMs)
    : m_queue(queue)
    , m_clock(clock)
    , m_owner(std::move(owner))
    , m_leaseMs(leaseMs)
    , m_retryBaseMs(retryBaseMs)
{
}

JobRunner::~JobRunner()
{
    // Asynchronous jobs still out are abandoned: their leases expire and they run again.
    *m_alive = false;
    m_asyncHandlers.clear();
}

void JobRunner::registerHandler(const QString &kind, Handler handler)
{
    m_handlers.insert(kind, std::move(handler));
}

void JobRunner::registerAsyncHandler(const QString &kind, AsyncHandler handler)
{
    m_asyncHandlers.insert(kind, std::move(handler));
}

void JobRunner::reportDead(const Job &job)
{
    logging::write(lcJobs(), QtCriticalMsg, QStringLiteral("job is dead after its last attempt"),
        {{QStringLiteral("job_id"), job.id}, {QStringLiteral("kind"), job.kind},
            {QStringLiteral("attempts"), job.attempts}, {QStringLiteral("error"), job.lastError}});
    if (!m_onDead)
        return;
    try {
        m_onDead(job);
    } catch (const std::exception &e) {
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("dead-job alert failed"),
            {{QStringLiteral("job_id"), job.id},
                {QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

JobQueue::Exclusions JobRunner::exclusions() const
{
    JobQueue::Exclusions skip;
    if (m_inFlight.isEmpty())
        return skip;
    QHash<QString, int> perKind;
    QHash<QString, int> perKey;
    for (const Job &job : m_inFlight) {
        ++perKind[job.kind];
        if (!job.concurrencyKey.isEmpty())
            ++perKey[job.kind + QLatin1Char('\n') + job.concurrencyKey];
    }
    for (auto it = perKind.cbegin(); it != perKind.cend(); ++it) {
        if (it.value() >= m_asyncHandlers.value(it.key()).maxInFlight)
            skip.kinds.append(it.key());
    }
    for (auto it = perKey.cbegin(); it != perKey.cend(); ++it) {
        const qsizetype split = it.key().indexOf(QLatin1Char('\n'));
        const QString kind = it.key().left(split);
        if (it.value() >= m_asyncHandlers.value(kind).maxInFlightPerKey)
            skip.concurrencyKeys.append(it.key().mid(split + 1));
    }
    return skip;
}

bool JobRunner::runOne()
{
    const auto reaped = m_queue.reapExpired(m_clock.nowMs());
    for (const Job &job : reaped)
        reportDead(job);

    std::optional<Job> claimed = m_queue.claim(m_owner, m_clock.nowMs(), m_leaseMs, exclusions());
    if (!claimed)
        return !reaped.isEmpty();
    const Job job = *claimed;

    const auto async = m_asyncHandlers.constFind(job.kind);
    if (async != m_asyncHandlers.constEnd()) {
        m_inFlight.insert(job.id, job);
        std::weak_ptr<bool> alive = m_alive;
        auto done
            = [this, alive, job, called = std::make_shared<bool>(false)](const QString &error) {
                  if (alive.expired() || *called)
                      return;
                  *called = true;
                  m_inFlight.remove(job.id);
                  finish(job, error);
              };
        try {
            async->start(job, done);
        } catch (const std::exception &e) {
            const QString error = QString::fromUtf8(e.what());
            done(error.isEmpty() ? QStringLiteral("job failed") : error);
        }
        return true;
    }

    QString error;
    const auto handler = m_handlers.constFind(job.kind);
    if (handler == m_handlers.constEnd()) {
        error = QStringLiteral("no handler for job kind '%1'").arg(job.kind);
    } else {
        try {
            (*handler)(job);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
            if (error.isEmpty())
                error = QStringLiteral("job failed");
        }
    }
    finish(job, error);
    return true;
}

void JobRunner::finish(Job job, const QString &error)
{
    try {
        if (error.isEmpty()) {
            if (!m_queue.complete(job, m_clock.nowMs())) {
                logging::write(lcJobs(), QtWarningMsg,
                    QStringLiteral("job finished after its lease was taken over"),
                    {{QStringLiteral("job_id"), job.id}, {QStringLiteral("kind"), job.kind}});
            }
            return;
        }

        job.lastError = error;
        switch (m_queue.fail(job, error, m_clock.nowMs(), m_retryBaseMs)) {
        case JobQueue::FailOutcome::Retrying:
            logging::write(lcJobs(), QtWarningMsg, QStringLiteral("job failed; will retry"),
                {{QStringLiteral("job_id"), job.id}, {QStringLiteral("kind"), job.kind},
                    {QStringLiteral("attempt"), job.attempts},
                    {QStringLiteral("retry_in_ms"),
                        JobQueue::backoffMs(job.attempts, m_retryBaseMs)},
                    {QStringLiteral("error"), error}});
            break;
        case JobQueue::FailOutcome::Dead:
            job.state = JobState::Dead;
            reportDead(job);
            break;
        case JobQueue::FailOutcome::LostLease:
            logging::write(lcJobs(), QtWarningMsg,
                QStringLiteral("job failed after its lease was taken over"),
                {{QStringLiteral("job_id"), job.id}, {QStringLiteral("error"), error}});
            break;
        }
    } catch (const std::exception &e) {
        // From an asynchronous completion there is no caller to throw to; the lease expires and
        // the job runs again.
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("could not record a job's outcome"),
            {{QStringLiteral("job_id"), job.id},
                {QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

} // namespace corkboard
