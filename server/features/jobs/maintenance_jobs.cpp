#include "server/features/jobs/maintenance_jobs.h"

#include "server/features/jobs/job_runner.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

namespace corkboard {

namespace {
constexpr qint64 kHourMs = 3600ll * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kKeepFinishedJobsMs = 7 * kDayMs;
} // namespace

void registerMaintenanceJobs(JobRunner &runner, WorkerContext &ctx, QList<PeriodicJob> &periodic)
{
    runner.registerHandler(QStringLiteral("maintenance.cleanup"), [&ctx](const Job &) {
        const qint64 now = ctx.clock.nowMs();
        Transaction tx(ctx.db);
        SqlQuery jobs(ctx.db,
            QStringLiteral("DELETE FROM jobs WHERE state = 'done' AND finished_at < :before"));
        jobs.bind(QStringLiteral(":before"), now - kKeepFinishedJobsMs).exec();
        SqlQuery beats(
            ctx.db, QStringLiteral("DELETE FROM worker_heartbeats WHERE beat_at < :before"));
        beats.bind(QStringLiteral(":before"), now - kDayMs).exec();
        tx.commit();
        logging::write(lcJobs(), QtDebugMsg, QStringLiteral("clean-up done"),
            {{QStringLiteral("jobs_deleted"), jobs.numRowsAffected()}});
    });
    periodic.append(PeriodicJob {QStringLiteral("maintenance.cleanup"), kHourMs});
}

} // namespace corkboard
