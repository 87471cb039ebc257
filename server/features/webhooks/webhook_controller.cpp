#include "server/features/webhooks/webhook_controller.h"

#include "server/features/common/server_context.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"
#include "shared/json_writer.h"

#include <QJsonArray>

namespace corkboard {

namespace {

void writeHook(JsonWriter &w, const WebhookRecord &h, bool withSecret)
{
    w.beginObject();
    w.field("id", h.id).field("board_id", h.boardId).field("url", h.url);
    w.key("events").beginArray();
    for (const auto &e : h.events)
        w.value(e);
    w.endArray();
    w.field("created_by", h.createdBy).field("created_at", h.createdAt);
    w.field("paused", h.paused);
    if (withSecret)
        w.field("secret", h.secret);
    w.endObject();
}

int parseLimit(const Request &r)
{
    const QString text = r.queryValue(QStringLiteral("limit"));
    if (text.isEmpty())
        return 50;
    bool ok = false;
    const int limit = text.toInt(&ok);
    if (!ok || limit < 1 || limit > 200)
        throw AppError::validation(QStringLiteral("limit"), QStringLiteral("range"),
            QStringLiteral("limit must be 1 to 200"));
    return limit;
}

} // namespace

WebhookController::WebhookController(ThreadContext &context)
    : m_service(context.db, *context.server.clock, context.server.config.webhookAllow)
{
}

void WebhookController::registerRoutes(Router &router)
{
    RouteOptions json;
    json.body = BodyKind::Json;
    router.add("GET", QStringLiteral("/api/v1/boards/{id}/webhooks"),
        [this](Request &r) { return list(r); });
    router.add(
        "POST", QStringLiteral("/api/v1/boards/{id}/webhooks"),
        [this](Request &r) { return create(r); }, json);
    router.add("DELETE", QStringLiteral("/api/v1/webhooks/{id}"),
        [this](Request &r) { return remove(r); });
    router.add("GET", QStringLiteral("/api/v1/webhooks/{id}/deliveries"),
        [this](Request &r) { return deliveries(r); });
}

Response WebhookController::list(const Request &r)
{
    const auto hooks = m_service.list(r.user().userId, r.param(QStringLiteral("id")));
    JsonWriter w;
    w.beginObject().key("data").beginArray();
    for (const auto &h : hooks)
        writeHook(w, h, false);
    w.endArray().key("next_cursor").null().endObject();
    return Response::json(200, w.take());
}

Response WebhookController::create(const Request &r)
{
    QList<FieldError> errors;
    WebhookService::CreateInput input;
    for (auto it = r.json.constBegin(); it != r.json.constEnd(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("url")) {
            if (!it->isString())
                errors.append(
                    {key, QStringLiteral("type"), QStringLiteral("url must be a string")});
            input.url = it->toString();
        } else if (key == QLatin1String("events")) {
            if (it->isNull())
                continue;
            if (!it->isArray() || it->toArray().size() > 50) {
                errors.append({key, QStringLiteral("type"),
                    QStringLiteral("events must be an array of event types")});
                continue;
            }
            QStringList events;
            const QJsonArray array = it->toArray();
            for (const auto &e : array) {
                if (!e.isString()) {
                    errors.append(
                        {key, QStringLiteral("type"), QStringLiteral("events must be strings")});
                    break;
                }
                events.append(e.toString());
            }
            input.events = events;
        } else if (key == QLatin1String("secret")) {
            if (it->isNull())
                continue;
            if (!it->isString())
                errors.append(
                    {key, QStringLiteral("type"), QStringLiteral("secret must be a string")});
            input.secret = it->toString();
        } else {
            errors.append({key, QStringLiteral("unknown_field"), QStringLiteral("unknown field")});
        }
    }
    if (!r.json.contains(QStringLiteral("url")))
        errors.append(
            {QStringLiteral("url"), QStringLiteral("required"), QStringLiteral("url is required")});
    if (!errors.isEmpty())
        throw AppError::validation(errors);
    const WebhookRecord hook
        = m_service.create(r.user().userId, r.param(QStringLiteral("id")), input);
    JsonWriter w;
    writeHook(w, hook, true);
    return Response::data(201, w.take());
}

Response WebhookController::remove(const Request &r)
{
    m_service.remove(r.user().userId, r.param(QStringLiteral("id")));
    return Response::noContent();
}

Response WebhookController::deliveries(const Request &r)
{
    const auto page = m_service.deliveries(r.user().userId, r.param(QStringLiteral("id")),
        parseLimit(r), r.queryValue(QStringLiteral("cursor")));
    JsonWriter w(1024);
    w.beginObject().key("data").beginArray();
    for (const auto &d : page.items) {
        w.beginObject();
        w.field("id", d.id).field("webhook_id", d.webhookId).field("event_seq", d.eventSeq);
        w.field("event_type", d.eventType).field("state", d.state).field("attempts", d.attempts);
        w.key("last_status");
        if (d.lastStatus > 0)
            w.value(d.lastStatus);
        else
            w.null();
        w.key("last_error").nullableValue(d.lastError.isEmpty() ? QString() : d.lastError);
        w.key("next_attempt_at")
            .nullableValue(d.nextAttemptAt.isEmpty() ? QString() : d.nextAttemptAt);
        w.field("created_at", d.createdAt);
        w.key("attempt_log").beginArray();
        for (const auto &a : d.attemptLog) {
            w.beginObject().field("attempt", a.attempt).field("at", a.at);
            w.key("status");
            if (a.status > 0)
                w.value(a.status);
            else
                w.null();
            w.key("error").nullableValue(a.error.isEmpty() ? QString() : a.error);
            // How long a failed connection took would help map a network: answers only.
            w.key("duration_ms");
            if (a.status > 0)
                w.value(a.durationMs);
            else
                w.null();
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("next_cursor").nullableValue(page.nextCursor.isEmpty() ? QString() : page.nextCursor);
    w.endObject();
    return Response::json(200, w.take());
}

} // namespace corkboard
