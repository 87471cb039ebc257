#include "shared/dto/webhook.h"

#include "shared/time_format.h"

#include <QJsonArray>

namespace corkboard {

namespace {
QDateTime timeOf(const QJsonObject &json, QLatin1String key)
{
    const QString text = json.value(key).toString();
    return text.isEmpty() ? QDateTime() : fromRfc3339(text);
}

std::optional<int> statusOf(const QJsonObject &json, QLatin1String key)
{
    const QJsonValue v = json.value(key);
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 100 || d > 599) // an HTTP status or nothing
        return std::nullopt;
    return int(d);
}
} // namespace

bool fromJson(const QJsonObject &json, Webhook &out)
{
    const QJsonValue id = json.value(QLatin1String("id"));
    if (!id.isString())
        return false;
    out.id = id.toString();
    out.boardId = json.value(QLatin1String("board_id")).toString();
    out.url = json.value(QLatin1String("url")).toString();
    out.events.clear();
    const QJsonArray events = json.value(QLatin1String("events")).toArray();
    for (const QJsonValue &e : events)
        out.events << e.toString();
    out.secret = json.value(QLatin1String("secret")).toString();
    out.createdBy = json.value(QLatin1String("created_by")).toString();
    out.createdAt = timeOf(json, QLatin1String("created_at"));
    out.paused = json.value(QLatin1String("paused")).toBool();
    return true;
}

bool fromJson(const QJsonObject &json, WebhookDelivery &out)
{
    const QJsonValue id = json.value(QLatin1String("id"));
    if (!id.isString())
        return false;
    out.id = id.toString();
    out.webhookId = json.value(QLatin1String("webhook_id")).toString();
    const double seq = json.value(QLatin1String("event_seq")).toDouble();
    out.eventSeq = seq >= 0 && seq < 9.0e15 ? qint64(seq) : 0; // exact in a double
    out.eventType = json.value(QLatin1String("event_type")).toString();
    out.state = json.value(QLatin1String("state")).toString();
    out.attempts = qBound(0, json.value(QLatin1String("attempts")).toInt(), 1000);
    out.lastStatus = statusOf(json, QLatin1String("last_status"));
    out.lastError = json.value(QLatin1String("last_error")).toString();
    out.nextAttemptAt = timeOf(json, QLatin1String("next_attempt_at"));
    out.createdAt = timeOf(json, QLatin1String("created_at"));
    out.attemptLog.clear();
    const QJsonArray log = json.value(QLatin1String("attempt_log")).toArray();
    for (const QJsonValue &v : log) {
        const QJsonObject a = v.toObject();
        WebhookAttempt attempt;
        attempt.attempt = qBound(0, a.value(QLatin1String("attempt")).toInt(), 1000);
        attempt.at = timeOf(a, QLatin1String("at"));
        attempt.status = statusOf(a, QLatin1String("status"));
        attempt.error = a.value(QLatin1String("error")).toString();
        out.attemptLog << attempt;
    }
    return true;
}

const QStringList &webhookEventTypes()
{
    static const QStringList types = {
        QStringLiteral("board.updated"),
        QStringLiteral("board.deleted"),
        QStringLiteral("member.added"),
        QStringLiteral("member.updated"),
        QStringLiteral("member.removed"),
        QStringLiteral("column.created"),
        QStringLiteral("column.updated"),
        QStringLiteral("column.deleted"),
        QStringLiteral("card.created"),
        QStringLiteral("card.updated"),
        QStringLiteral("card.moved"),
        QStringLiteral("card.deleted"),
        QStringLiteral("checklist.changed"),
        QStringLiteral("comment.created"),
        QStringLiteral("comment.updated"),
        QStringLiteral("comment.deleted"),
        QStringLiteral("label.created"),
        QStringLiteral("label.updated"),
        QStringLiteral("label.deleted"),
    };
    return types;
}

} // namespace corkboard
