#include "server/host/job_kinds.h"

#include "server/features/attachments/attachment_jobs.h"
#include "server/features/backups/backup_jobs.h"
#include "server/features/jobs/job_runner.h"
#include "server/features/jobs/maintenance_jobs.h"
#include "server/features/notifications/notification_jobs.h"
#include "server/features/notifications/notification_repository.h"
#include "server/features/webhooks/webhook_jobs.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QThread>
#include <stdexcept>

namespace corkboard {

namespace {

#ifdef CORKBOARD_TEST_HOOKS
// Test seam (CORKBOARD_TEST_JOB_KINDS=true only): job kinds the integration tests use to
// prove the queue's guarantees with a real worker process.
void registerTestKinds(JobRunner &runner, WorkerContext &ctx)
{
    // Records one effect under a natural key, then (first attempt only) holds the lease so a
    // test can kill the worker mid-job.
    runner.registerHandler(QStringLiteral("test.effect"), [&ctx](const Job &job) {
        SqlQuery q(ctx.db,
            QStringLiteral("INSERT INTO server_meta (key, value) VALUES (:key, :value) "
                           "ON CONFLICT (key) DO NOTHING"));
        q.bind(QStringLiteral(":key"),
             QString(QStringLiteral("test-effect:")
                 + job.payload.value(QStringLiteral("key")).toString()))
            .bind(QStringLiteral(":value"), ctx.workerId)
            .exec();
        const int holdMs = job.payload.value(QStringLiteral("hold_first_attempt_ms")).toInt();
        if (job.attempts == 1 && holdMs > 0)
            QThread::msleep(ulong(holdMs));
    });
    runner.registerHandler(QStringLiteral("test.fail"), [](const Job &job) {
        throw std::runtime_error(
            job.payload.value(QStringLiteral("message")).toString().toStdString());
    });
}
#endif

} // namespace

QList<PeriodicJob> registerJobKinds(JobRunner &runner, OutboxRelay &relay, WorkerContext &ctx)
{
    QList<PeriodicJob> periodic;

    // A dead job is an alert for every admin, in-app (the dead-letter queue's alarm bell).
    runner.setDeadHandler([&ctx](const Job &job) {
        NotificationRepository notifications(ctx.db);
        JsonWriter w;
        w.beginObject();
        w.field("job_id", job.id).field("job_kind", job.kind).field("attempts", job.attempts);
        w.field("error", job.lastError);
        w.endObject();
        const QByteArray data = w.take();
        const QString at = toRfc3339(ctx.clock.now());
        const QStringList admins = notifications.adminIds();
        for (const QString &adminId : admins) {
            NotificationRepository::NewNotification n;
            n.userId = adminId;
            n.kind = QStringLiteral("job_dead");
            n.dedupeKey = QStringLiteral("job_dead|%1|%2").arg(job.id, adminId);
            n.dataJson = data;
            notifications.insert(n, at);
        }
    });

    registerMaintenanceJobs(runner, ctx, periodic);
    registerBackupJobs(runner, ctx, periodic);
    registerWebhookJobs(runner, relay, ctx);
    registerNotificationJobs(runner, relay, ctx, periodic);
    registerAttachmentJobs(runner, relay, ctx, periodic);

#ifdef CORKBOARD_TEST_HOOKS
    if (qEnvironmentVariable("CORKBOARD_TEST_JOB_KINDS") == QLatin1String("true"))
        registerTestKinds(runner, ctx);
#endif
    return periodic;
}

} // namespace corkboard
