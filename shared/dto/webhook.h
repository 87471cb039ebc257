#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace corkboard {

//! A board's webhook as GET /boards/{id}/webhooks lists it; `secret` only in the answer that
//! creates it.
struct Webhook
{
    QString id;
    QString boardId;
    QString url;
    QStringList events; //!< empty: every event type
    QString secret;
    QString createdBy;
    QDateTime createdAt;
    bool paused = false; //!< its creator is no longer an enabled owner: nothing is sent
};

//! One attempt to deliver an event to a webhook.
struct WebhookAttempt
{
    int attempt = 0;
    QDateTime at;
    std::optional<int> status; //!< nullopt: no HTTP answer
    QString error;
};

//! One event's delivery to a webhook, with its attempts (GET /webhooks/{id}/deliveries).
struct WebhookDelivery
{
    QString id;
    QString webhookId;
    qint64 eventSeq = 0;
    QString eventType;
    QString state; //!< pending | delivered | failed
    int attempts = 0;
    std::optional<int> lastStatus;
    QString lastError;
    QDateTime nextAttemptAt;
    QDateTime createdAt;
    QList<WebhookAttempt> attemptLog;
};

//! Decode a webhook / a delivery; false when id is missing or not a string.
bool fromJson(const QJsonObject &json, Webhook &out);
bool fromJson(const QJsonObject &json, WebhookDelivery &out);

//! The event types a webhook may subscribe to (the server validates against this list, the
//! window offers it).
const QStringList &webhookEventTypes();

} // namespace corkboard
