#pragma once

#include "server/features/webhooks/webhook_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! GET|POST /api/v1/boards/{id}/webhooks, DELETE /api/v1/webhooks/{id},
//! GET /api/v1/webhooks/{id}/deliveries.
class WebhookController
{
public:
    explicit WebhookController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response list(const Request &request);
    Response create(const Request &request);
    Response remove(const Request &request);
    Response deliveries(const Request &request);

private:
    WebhookService m_service;
};

} // namespace corkboard
