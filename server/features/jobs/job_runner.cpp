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

void JobRunner::registerHandler(const QString &kind, Handler handler)
{
    m_handlers.insert(kind, std::move(handler));
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

bool JobRunner::runOne()
{
    const auto reaped = m_queue.reapExpired(m_clock.nowMs());
    for (const Job &job : reaped)
        reportDead(job);

    std::optional<Job> claimed = m_queue.claim(m_owner, m_clock.nowMs(), m_leaseMs);
    if (!claimed)
        return !reaped.isEmpty();
    Job job = *claimed;

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

    if (error.isEmpty()) {
        if (!m_queue.complete(job, m_clock.nowMs())) {
            logging::write(lcJobs(), QtWarningMsg,
                QStringLiteral("job finished after its lease was taken over"),
                {{QStringLiteral("job_id"), job.id}, {QStringLiteral("kind"), job.kind}});
        }
        return true;
    }

    job.lastError = error;
    switch (m_queue.fail(job, error, m_clock.nowMs(), m_retryBaseMs)) {
    case JobQueue::FailOutcome::Retrying:
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("job failed; will retry"),
            {{QStringLiteral("job_id"), job.id}, {QStringLiteral("kind"), job.kind},
                {QStringLiteral("attempt"), job.attempts},
                {QStringLiteral("retry_in_ms"), JobQueue::backoffMs(job.attempts, m_retryBaseMs)},
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
    return true;
}

} // namespace corkboard
