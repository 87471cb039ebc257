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

QFuture<ApiResult<QList<Webhook>>> WebhooksApi::webhooks(const QString &boardId)
{
    return m_client.call<QList<Webhook>>(
        ApiRequest::get(boardHooks(boardId)), [](const ApiResponse &r) {
            return decode::checkedPage<Webhook>(r, &fromJson).map([](const Page<Webhook> &p) {
                return p.items;
            });
        });
}

QFuture<ApiResult<Webhook>> WebhooksApi::createWebhook(const QString &boardId, const QString &url,
    const QStringList &events, const std::optional<QString> &secret)
{
    QJsonObject body {{QStringLiteral("url"), url}};
    if (!events.isEmpty())
        body.insert(QStringLiteral("events"), QJsonArray::fromStringList(events));
    if (secret)
        body.insert(QStringLiteral("secret"), *secret);
    return m_client.call<Webhook>(ApiRequest::json("POST", boardHooks(boardId), body),
        [](const ApiResponse &r) { return decode::checked<Webhook>(r, &fromJson); });
}

QFuture<ApiResult<NoContent>> WebhooksApi::deleteWebhook(const QString &webhookId)
{
    return m_client.call<NoContent>(ApiRequest::del(hook(webhookId)), &decode::none);
}

QFuture<ApiResult<Page<WebhookDelivery>>> WebhooksApi::deliveries(
    const QString &webhookId, const PageRequest &page)
{
    QUrlQuery q;
    page.addTo(q);
    return m_client.call<Page<WebhookDelivery>>(
        ApiRequest::get(hook(webhookId) + QStringLiteral("/deliveries"), q),
        [](const ApiResponse &r) { return decode::checkedPage<WebhookDelivery>(r, &fromJson); });
}

} // namespace corkboard::client
