#include "shared/client/webhooks_api.h"

#include "shared/client/boards_api.h" // pathSegment

#include <QJsonArray>

namespace corkboard::client {

namespace {
QString boardHooks(const QString &boardId)
{
    return QStringLiteral("/api/v1/boards/") + pathSegment(boardId) + QStringLiteral("/webhooks");
}
QString hook(const QString &webhookId)
{
    return QStringLiteral("/api/v1/webhooks/") + pathSegment(webhookId);
}
} // namespace

QFuture<ApiResult<QList<dto::Webhook>>> WebhooksApi::webhooks(const QString &boardId)
{
    return m_client.call<QList<dto::Webhook>>(
        ApiRequest::get(boardHooks(boardId)), [](const ApiResponse &r) {
            return decode::checkedPage<dto::Webhook>(r, &dto::fromJson)
                .map([](const Page<dto::Webhook> &p) { return p.items; });
        });
}

QFuture<ApiResult<dto::Webhook>> WebhooksApi::createWebhook(const QString &boardId,
    const QString &url, const QStringList &events, const std::optional<QString> &secret)
{
    QJsonObject body {{QStringLiteral("url"), url}};
    if (!events.isEmpty())
        body.insert(QStringLiteral("events"), QJsonArray::fromStringList(events));
    if (secret)
        body.insert(QStringLiteral("secret"), *secret);
    return m_client.call<dto::Webhook>(ApiRequest::json("POST", boardHooks(boardId), body),
        [](const ApiResponse &r) { return decode::checked<dto::Webhook>(r, &dto::fromJson); });
}

QFuture<ApiResult<NoContent>> WebhooksApi::deleteWebhook(const QString &webhookId)
{
    return m_client.call<NoContent>(ApiRequest::del(hook(webhookId)), &decode::none);
}

QFuture<ApiResult<Page<dto::WebhookDelivery>>> WebhooksApi::deliveries(
    const QString &webhookId, const PageRequest &page)
{
    QUrlQuery q;
    page.addTo(q);
    return m_client.call<Page<dto::WebhookDelivery>>(
        ApiRequest::get(hook(webhookId) + QStringLiteral("/deliveries"), q),
        [](const ApiResponse &r) {
            return decode::checkedPage<dto::WebhookDelivery>(r, &dto::fromJson);
        });
}

} // namespace corkboard::client
