#pragma once

#include "server/features/notifications/notification_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! GET /api/v1/notifications, POST /api/v1/notifications/{id}/read,
//! POST /api/v1/notifications/read-all.
class NotificationController
{
public:
    explicit NotificationController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response list(const Request &request);
    Response markRead(const Request &request);
    Response markAllRead(const Request &request);

private:
    NotificationService m_service;
};

} // namespace corkboard
