#include "server/features/backups/backup_jobs.h"

#include "server/features/backups/backup_service.h"
#include "server/features/jobs/job_runner.h"
#include "server/platform/config.h"

namespace corkboard {

void registerBackupJobs(JobRunner &runner, WorkerContext &ctx, QList<PeriodicJob> &periodic)
{
    if (ctx.config.backupIntervalMs <= 0)
        return;
    runner.registerHandler(QStringLiteral("backup.scheduled"), [&ctx](const Job &job) {
        // The slot is in the idempotency key ("periodic:backup.scheduled:<slot>"); run_at moves
        // on retries, the slot does not.
        bool ok = false;
        const qint64 slot = job.idempotencyKey.section(QLatin1Char(':'), -1).toLongLong(&ok);
        const qint64 slotStart = ok ? slot * ctx.config.backupIntervalMs : job.runAtMs;
        BackupService(ctx.config, ctx.clock).runScheduled(slotStart);
    });
    periodic.append(PeriodicJob {QStringLiteral("backup.scheduled"), ctx.config.backupIntervalMs});
}

} // namespace corkboard
