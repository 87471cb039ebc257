#include "server/features/notifications/notification_controller.h"

#include "server/features/common/server_context.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"
#include "shared/json_writer.h"

namespace corkboard {

NotificationController::NotificationController(ThreadContext &context)
    : m_service(context.db, *context.server.clock)
{
}

void NotificationController::registerRoutes(Router &router)
{
    RouteOptions optionalBody;
    optionalBody.body = BodyKind::OptionalJson;
    router.add(
        "GET", QStringLiteral("/api/v1/notifications"), [this](Request &r) { return list(r); });
    // read-all is registered first: a literal segment must win over {id}.
    router.add(
        "POST", QStringLiteral("/api/v1/notifications/read-all"),
        [this](Request &r) { return markAllRead(r); }, optionalBody);
    router.add(
        "POST", QStringLiteral("/api/v1/notifications/{id}/read"),
        [this](Request &r) { return markRead(r); }, optionalBody);
}

Response NotificationController::list(const Request &r)
{
    bool unread = false;
    const QString unreadText = r.queryValue(QStringLiteral("unread"));
    if (unreadText == QLatin1String("true"))
        unread = true;
    else if (!unreadText.isEmpty() && unreadText != QLatin1String("false"))
        throw AppError::validation(QStringLiteral("unread"), QStringLiteral("invalid"),
            QStringLiteral("unread must be true or false"));
    int limit = 50;
    const QString limitText = r.queryValue(QStringLiteral("limit"));
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > 200)
            throw AppError::validation(QStringLiteral("limit"), QStringLiteral("range"),
                QStringLiteral("limit must be 1 to 200"));
    }
    const auto page
        = m_service.list(r.user().userId, unread, limit, r.queryValue(QStringLiteral("cursor")));
    JsonWriter w(256 + page.items.size() * 256);
    w.beginObject().key("data").beginArray();
    for (const auto &n : page.items)
        writeNotification(w, n);
    w.endArray();
    w.key("next_cursor").nullableValue(page.nextCursor.isEmpty() ? QString() : page.nextCursor);
    w.endObject();
    return Response::json(200, w.take());
}

Response NotificationController::markRead(const Request &r)
{
    const NotificationRecord n = m_service.markRead(r.user().userId, r.param(QStringLiteral("id")));
    JsonWriter w;
    writeNotification(w, n);
    return Response::data(200, w.take());
}

Response NotificationController::markAllRead(const Request &r)
{
    const int marked = m_service.markAllRead(r.user().userId);
    JsonWriter w;
    w.beginObject().field("marked", marked).endObject();
    return Response::data(200, w.take());
}

} // namespace corkboard
