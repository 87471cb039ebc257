#include "server/features/webhooks/webhook_jobs.h"

#include "server/features/jobs/job_queue.h"
#include "server/features/jobs/job_runner.h"
#include "server/features/jobs/outbox_relay.h"
#include "server/features/webhooks/webhook_repository.h"
#include "server/features/webhooks/webhook_sender.h"
#include "server/features/webhooks/webhook_target_policy.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QUrl>
#include <memory>

namespace corkboard {

namespace {

QByteArray envelope(const OutboxEvent &e, const QString &deliveryId)
{
    JsonWriter w(256 + e.dataJson.size());
    w.beginObject();
    w.field("delivery_id", deliveryId);
    w.field("seq", e.seq);
    w.field("type", e.type);
    w.field("board_id", e.boardId);
    w.field("actor_id", e.actorId);
    w.field("at", e.at);
    w.key("data").raw(e.dataJson.isEmpty() ? QByteArrayLiteral("{}") : e.dataJson);
    w.endObject();
    return w.take();
}

// Deliveries run concurrently, each bounded by its deadline; per board only a few at once, so
// one board's slow or black-hole receivers can hold at most those slots, never the worker.
constexpr int kMaxDeliveriesInFlight = 16;
constexpr int kMaxDeliveriesPerBoard = 4;
constexpr int kDnsDeadlineMs = 3000;

void fanOut(WorkerContext &ctx, const OutboxEvent &e)
{
    WebhookRepository hooks(ctx.db);
    const auto list = hooks.listForBoard(e.boardId);
    for (const WebhookRecord &hook : list) {
        if (hook.paused || e.seq <= hook.createdSeq
            || (!hook.events.isEmpty() && !hook.events.contains(e.type)))
            continue;
        WebhookDeliveryRecord d;
        d.id = crypto::newId();
        d.webhookId = hook.id;
        d.eventSeq = e.seq;
        d.eventType = e.type;
        d.body = envelope(e, d.id);
        d.createdAt = toRfc3339(ctx.clock.now());
        if (!hooks.insertDelivery(d))
            continue;
        JobQueue::NewJob job;
        job.kind = QStringLiteral("webhook.deliver");
        job.idempotencyKey = QStringLiteral("webhook:%1:%2").arg(hook.id).arg(e.seq);
        job.concurrencyKey = QStringLiteral("board:") + hook.boardId;
        job.payload = QJsonObject {{QStringLiteral("delivery_id"), d.id}};
        job.runAtMs = ctx.clock.nowMs();
        ctx.queue.enqueue(job, ctx.clock.nowMs());
    }
}

//! Records the attempt and tells the runner how the job ended (empty: done, no retry).
QString settle(WorkerContext &ctx, const Job &job, const WebhookDeliveryRecord &delivery,
    const WebhookRecord &hook, const WebhookCall::Result &result)
{
    WebhookRepository hooks(ctx.db);
    WebhookAttemptRecord attempt;
    attempt.attempt = job.attempts;
    attempt.at = toRfc3339(ctx.clock.now());
    attempt.status = result.status;
    attempt.error = result.error;
    // Timings only for answers: how fast a connection failed would map the network.
    attempt.durationMs = result.status > 0 ? result.durationMs : 0;
    if (result.ok()) {
        hooks.recordAttempt(delivery.id, attempt, QStringLiteral("delivered"), QString());
        return QString();
    }
    const bool last = !result.retryable || job.attempts >= job.maxAttempts;
    QString next;
    if (!last) {
        next = toRfc3339(
            ctx.clock.now().addMSecs(JobQueue::backoffMs(job.attempts, ctx.config.jobRetryBaseMs)));
    }
    hooks.recordAttempt(
        delivery.id, attempt, last ? QStringLiteral("failed") : QStringLiteral("pending"), next);
    const QString detail = result.detail.isEmpty() ? result.error : result.detail;
    if (!result.retryable) {
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("webhook delivery refused"),
            {{QStringLiteral("webhook_id"), hook.id}, {QStringLiteral("delivery_id"), delivery.id},
                {QStringLiteral("error"), detail}});
        return QString(); // retrying cannot help; the delivery log says so (generically)
    }
    return QStringLiteral("webhook %1: %2").arg(hook.id, detail);
}

void deliver(WorkerContext &ctx, QObject *calls, const Job &job, const JobRunner::Done &done)
{
    WebhookRepository hooks(ctx.db);
    const auto delivery
        = hooks.findDelivery(job.payload.value(QStringLiteral("delivery_id")).toString());
    if (!delivery || delivery->state != QLatin1String("pending"))
        return done(QString()); // deleted with its webhook, or already settled by an earlier run
    const auto hook = hooks.find(delivery->webhookId);
    if (!hook)
        return done(QString());
    if (hook->paused) {
        WebhookAttemptRecord attempt;
        attempt.attempt = job.attempts;
        attempt.at = toRfc3339(ctx.clock.now());
        attempt.error = QStringLiteral("not sent: the webhook is paused");
        hooks.recordAttempt(delivery->id, attempt, QStringLiteral("failed"), QString());
        return done(QString());
    }

    WebhookCall::Delivery request;
    request.url = QUrl(hook->url);
    request.body = delivery->body;
    request.secret = hook->secret.toUtf8();
    request.deliveryId = delivery->id;
    request.eventType = delivery->eventType;
    request.timestamp = ctx.clock.nowMs() / 1000;
    WebhookCall::Limits limits;
    // The whole call ends well inside the job's lease, so no second worker takes it meanwhile.
    const qint64 leaseBound = qMax<qint64>(100, ctx.config.jobLeaseMs / 2);
    limits.totalMs = int(qMin<qint64>(ctx.config.webhookTimeoutMs, leaseBound));
    limits.dnsMs = qMin(kDnsDeadlineMs, limits.totalMs);
    auto *call = new WebhookCall(
        WebhookTargetPolicy(ctx.config.webhookAllow), limits, std::move(request), calls);
    call->start(
        [&ctx, job, d = *delivery, h = *hook, done, call](const WebhookCall::Result &result) {
            call->deleteLater();
            QString error;
            try {
                error = settle(ctx, job, d, h, result);
            } catch (const std::exception &e) {
                error = QString::fromUtf8(e.what());
            }
            done(error);
        });
}

} // namespace

void registerWebhookJobs(JobRunner &runner, OutboxRelay &relay, WorkerContext &ctx)
{
    relay.addConsumer([&ctx](const OutboxEvent &e) { fanOut(ctx, e); });
    // Owns the calls in flight: destroyed with the runner's handlers, it takes them along
    // (their jobs' leases expire and they run again).
    auto calls = std::make_shared<QObject>();
    JobRunner::AsyncHandler handler;
    handler.maxInFlight = kMaxDeliveriesInFlight;
    handler.maxInFlightPerKey = kMaxDeliveriesPerBoard;
    handler.start = [&ctx, calls](const Job &job, JobRunner::Done done) {
        deliver(ctx, calls.get(), job, done);
    };
    runner.registerAsyncHandler(QStringLiteral("webhook.deliver"), std::move(handler));
}

} // namespace corkboard
