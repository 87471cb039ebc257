#pragma once

#include "server/features/notifications/notification_repository.h"

namespace corkboard {

class Clock;
class JsonWriter;

//! A user's own notifications: list (newest first, cursor-paged), mark one or all read.
class NotificationService
{
public:
    NotificationService(Database &db, const Clock &clock);

    struct Page
    {
        QList<NotificationRecord> items;
        QString nextCursor;
    };
    Page list(const QString &userId, bool unreadOnly, int limit, const QString &cursor);
    NotificationRecord markRead(const QString &userId, const QString &id);
    int markAllRead(const QString &userId);

private:
    const Clock &m_clock;
    NotificationRepository m_repository;
};

//! The notification resource as the API (and the live push) shows it.
void writeNotification(JsonWriter &w, const NotificationRecord &n);

} // namespace corkboard
