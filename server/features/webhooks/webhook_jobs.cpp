#include "server/features/webhooks/webhook_jobs.h"

#include "server/features/jobs/job_queue.h"
#include "server/features/jobs/job_runner.h"
#include "server/features/jobs/outbox_relay.h"
#include "server/features/webhooks/webhook_repository.h"
#include "server/features/webhooks/webhook_sender.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <stdexcept>

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

void fanOut(WorkerContext &ctx, const OutboxEvent &e)
{
    WebhookRepository hooks(ctx.db);
    const auto list = hooks.listForBoard(e.boardId);
    for (const Webhook &hook : list) {
        if (e.seq <= hook.createdSeq || (!hook.events.isEmpty() && !hook.events.contains(e.type)))
            continue;
        WebhookDelivery d;
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
        job.payload = QJsonObject {{QStringLiteral("delivery_id"), d.id}};
        job.runAtMs = ctx.clock.nowMs();
        ctx.queue.enqueue(job, ctx.clock.nowMs());
    }
}

void deliver(WorkerContext &ctx, const Job &job)
{
    WebhookRepository hooks(ctx.db);
    const auto delivery
        = hooks.findDelivery(job.payload.value(QStringLiteral("delivery_id")).toString());
    if (!delivery || delivery->state != QLatin1String("pending"))
        return; // deleted with its webhook, or already settled by an earlier run
    const auto hook = hooks.find(delivery->webhookId);
    if (!hook)
        return;

    WebhookSender sender(ctx.config.webhookAllowLoopback, ctx.config.webhookTimeoutMs);
    WebhookSender::Delivery request;
    request.url = QUrl(hook->url);
    request.body = delivery->body;
    request.secret = hook->secret.toUtf8();
    request.deliveryId = delivery->id;
    request.eventType = delivery->eventType;
    const WebhookSender::Result result = sender.post(request);

    WebhookAttempt attempt;
    attempt.attempt = job.attempts;
    attempt.at = toRfc3339(ctx.clock.now());
    attempt.status = result.status;
    attempt.error = result.error;
    attempt.durationMs = result.durationMs;
    if (result.ok()) {
        hooks.recordAttempt(delivery->id, attempt, QStringLiteral("delivered"), QString());
        return;
    }
    const bool last = !result.retryable || job.attempts >= job.maxAttempts;
    QString next;
    if (!last) {
        next = toRfc3339(
            ctx.clock.now().addMSecs(JobQueue::backoffMs(job.attempts, ctx.config.jobRetryBaseMs)));
    }
    hooks.recordAttempt(
        delivery->id, attempt, last ? QStringLiteral("failed") : QStringLiteral("pending"), next);
    if (!result.retryable) {
        logging::write(lcJobs(), QtWarningMsg, QStringLiteral("webhook delivery refused"),
            {{QStringLiteral("webhook_id"), hook->id},
                {QStringLiteral("delivery_id"), delivery->id},
                {QStringLiteral("error"), result.error}});
        return; // retrying cannot help; the delivery log shows why
    }
    throw std::runtime_error(
        QStringLiteral("webhook %1: %2").arg(hook->id, result.error).toStdString());
}

} // namespace

void registerWebhookJobs(JobRunner &runner, OutboxRelay &relay, WorkerContext &ctx)
{
    relay.addConsumer([&ctx](const OutboxEvent &e) { fanOut(ctx, e); });
    runner.registerHandler(
        QStringLiteral("webhook.deliver"), [&ctx](const Job &job) { deliver(ctx, job); });
}

} // namespace corkboard
