#pragma once

#include "shared/client/api_decode.h"
#include "shared/dto/webhook.h"

#include <optional>

namespace corkboard::client {

//! Typed calls for a board's webhooks (owners only; others get 403/404).
class WebhooksApi
{
public:
    explicit WebhooksApi(ApiClient &client)
        : m_client(client)
    {
    }

    //! GET /boards/{id}/webhooks (no secrets).
    QFuture<ApiResult<QList<Webhook>>> webhooks(const QString &boardId);
    //! POST /boards/{id}/webhooks → the hook with its secret (generated when not given).
    //! `events` empty: every event type.
    QFuture<ApiResult<Webhook>> createWebhook(const QString &boardId, const QString &url,
        const QStringList &events = {}, const std::optional<QString> &secret = std::nullopt);
    //! DELETE /webhooks/{id}.
    QFuture<ApiResult<NoContent>> deleteWebhook(const QString &webhookId);
    //! GET /webhooks/{id}/deliveries, newest first, with each delivery's attempts.
    QFuture<ApiResult<Page<WebhookDelivery>>> deliveries(
        const QString &webhookId, const PageRequest &page = {});

private:
    ApiClient &m_client;
};

} // namespace corkboard::client
