#pragma once

#include "server/features/columns/column_service.h"
#include "server/features/idempotency/idempotency_store.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! POST /boards/{id}/columns, PATCH|DELETE /columns/{id}.
class ColumnController
{
public:
    explicit ColumnController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response create(const Request &request);
    Response update(const Request &request);
    Response remove(const Request &request);

private:
    ColumnInput read(const Request &request, bool creating);
    ColumnService m_service;
    IdempotencyStore m_idempotency;
};

} // namespace corkboard
