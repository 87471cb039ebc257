#include "shared/client/notifications_api.h"

#include "shared/client/boards_api.h" // pathSegment

namespace corkboard::client {

namespace {
const QString kNotifications = QStringLiteral("/api/v1/notifications");
} // namespace

QFuture<ApiResult<Page<Notification>>> NotificationsApi::notifications(
    const PageRequest &page, bool unreadOnly)
{
    QUrlQuery q;
    if (unreadOnly)
        q.addQueryItem(QStringLiteral("unread"), QStringLiteral("true"));
    page.addTo(q);
    return m_client.call<Page<Notification>>(ApiRequest::get(kNotifications, q),
        [](const ApiResponse &r) { return decode::checkedPage<Notification>(r, &fromJson); });
}

QFuture<ApiResult<Notification>> NotificationsApi::markRead(const QString &id)
{
    return m_client.call<Notification>(
        ApiRequest::json("POST",
            kNotifications + QLatin1Char('/') + pathSegment(id) + QStringLiteral("/read"), {}),
        [](const ApiResponse &r) { return decode::checked<Notification>(r, &fromJson); });
}

QFuture<ApiResult<int>> NotificationsApi::markAllRead()
{
    return m_client.call<int>(
        ApiRequest::json("POST", kNotifications + QStringLiteral("/read-all"), {}),
        [](const ApiResponse &r) -> ApiResult<int> {
            const QJsonValue marked = r.data().toObject().value(QLatin1String("marked"));
            if (!marked.isDouble())
                return decode::malformed(r, "expected {\"data\": {\"marked\": n}}");
            return marked.toInt();
        });
}

} // namespace corkboard::client
