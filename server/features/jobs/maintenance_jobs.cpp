#include "server/features/jobs/maintenance_jobs.h"

#include "server/features/jobs/job_runner.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "shared/time_format.h"

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
        const QString nowText = toRfc3339(ctx.clock.now());
        Transaction tx(ctx.db);
        SqlQuery jobs(ctx.db,
            QStringLiteral("DELETE FROM jobs WHERE state = 'done' AND finished_at < :before"));
        jobs.bind(QStringLiteral(":before"), now - kKeepFinishedJobsMs).exec();
        SqlQuery beats(
            ctx.db, QStringLiteral("DELETE FROM worker_heartbeats WHERE beat_at < :before"));
        beats.bind(QStringLiteral(":before"), now - kDayMs).exec();
        // Refresh tokens past their expiry can never be used again (auth's table).
        SqlQuery tokens(
            ctx.db, QStringLiteral("DELETE FROM refresh_tokens WHERE expires_at < :now"));
        tokens.bind(QStringLiteral(":now"), nowText).exec();
        // Invites that were used or have expired (auth's table).
        SqlQuery invites(ctx.db,
            QStringLiteral("DELETE FROM invites WHERE used_at IS NOT NULL OR expires_at < :now"));
        invites.bind(QStringLiteral(":now"), nowText).exec();
        // Events beyond retention, never one the outbox relay has not handled yet (the live hub
        // also prunes by count and age; both deletes are idempotent).
        SqlQuery events(ctx.db,
            QStringLiteral(
                "DELETE FROM events WHERE at < :cutoff AND seq <= "
                "coalesce((SELECT position FROM job_cursors WHERE name = 'outbox'), 0)"));
        events
            .bind(QStringLiteral(":cutoff"),
                toRfc3339(ctx.clock.now().addDays(-ctx.config.eventRetentionDays)))
            .exec();
        tx.commit();
        logging::write(lcJobs(), QtDebugMsg, QStringLiteral("clean-up done"),
            {{QStringLiteral("jobs_deleted"), jobs.numRowsAffected()},
                {QStringLiteral("refresh_tokens_deleted"), tokens.numRowsAffected()},
                {QStringLiteral("invites_deleted"), invites.numRowsAffected()},
                {QStringLiteral("events_deleted"), events.numRowsAffected()}});
    });
    periodic.append(PeriodicJob {QStringLiteral("maintenance.cleanup"), kHourMs});
}

} // namespace corkboard
