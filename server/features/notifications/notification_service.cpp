#include "server/features/notifications/notification_service.h"

#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

namespace corkboard {

NotificationService::NotificationService(Database &db, const Clock &clock)
    : m_clock(clock)
    , m_repository(db)
{
}

NotificationService::Page NotificationService::list(
    const QString &userId, bool unreadOnly, int limit, const QString &cursor)
{
    qint64 cursorSeq = 0;
    if (!cursor.isEmpty()) {
        bool ok = false;
        cursorSeq = cursor.toLongLong(&ok);
        if (!ok || cursorSeq <= 0)
            throw AppError::validation(QStringLiteral("cursor"), QStringLiteral("invalid"),
                QStringLiteral("cursor is not one this server gave out"));
    }
    Page page;
    page.items = m_repository.listForUser(userId, unreadOnly, limit + 1, cursorSeq);
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextCursor = QString::number(page.items.last().seq);
    }
    return page;
}

NotificationRecord NotificationService::markRead(const QString &userId, const QString &id)
{
    m_repository.markRead(userId, id, toRfc3339(m_clock.now()));
    const auto n = m_repository.findForUser(userId, id);
    if (!n)
        throw AppError::notFound(QStringLiteral("notification"));
    return *n;
}

int NotificationService::markAllRead(const QString &userId)
{
    return m_repository.markAllRead(userId, toRfc3339(m_clock.now()));
}

void writeNotification(JsonWriter &w, const NotificationRecord &n)
{
    w.beginObject();
    w.field("id", n.id).field("kind", n.kind);
    w.key("board_id").nullableValue(n.boardId.isEmpty() ? QString() : n.boardId);
    w.key("card_id").nullableValue(n.cardId.isEmpty() ? QString() : n.cardId);
    w.key("actor_id").nullableValue(n.actorId.isEmpty() ? QString() : n.actorId);
    w.key("data").raw(n.dataJson.isEmpty() ? QByteArrayLiteral("{}") : n.dataJson);
    w.field("read", !n.readAt.isEmpty());
    w.key("read_at").nullableValue(n.readAt.isEmpty() ? QString() : n.readAt);
    w.field("created_at", n.createdAt);
    w.endObject();
}

} // namespace corkboard
