#pragma once

#include "shared/client/api_decode.h"
#include "shared/dto/notification.h"

namespace corkboard::client {

//! Typed calls of /api/v1/notifications (mine only; someone else's id answers 404).
class NotificationsApi
{
public:
    explicit NotificationsApi(ApiClient &client)
        : m_client(client)
    {
    }

    //! GET /notifications, newest first; `unreadOnly` sends unread=true.
    QFuture<ApiResult<Page<Notification>>> notifications(
        const PageRequest &page = {}, bool unreadOnly = false);
    //! POST /notifications/{id}/read → the notification, read (idempotent).
    QFuture<ApiResult<Notification>> markRead(const QString &id);
    //! POST /notifications/read-all → how many were marked.
    QFuture<ApiResult<int>> markAllRead();

private:
    ApiClient &m_client;
};

} // namespace corkboard::client
