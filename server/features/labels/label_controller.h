#pragma once

#include "server/features/idempotency/idempotency_store.h"
#include "server/features/labels/label_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! GET|POST /boards/{id}/labels, PATCH|DELETE /labels/{id}.
class LabelController
{
public:
    explicit LabelController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response list(const Request &request);
    Response create(const Request &request);
    Response update(const Request &request);
    Response remove(const Request &request);

private:
    LabelService m_service;
    IdempotencyStore m_idempotency;
};

} // namespace corkboard
