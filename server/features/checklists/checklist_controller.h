#pragma once

#include "server/features/checklists/checklist_service.h"
#include "server/features/idempotency/idempotency_store.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! POST /cards/{id}/checklist, PATCH|DELETE /checklist-items/{id}.
class ChecklistController
{
public:
    explicit ChecklistController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response add(const Request &request);
    Response update(const Request &request);
    Response remove(const Request &request);

private:
    ChecklistService m_service;
    IdempotencyStore m_idempotency;
};

} // namespace corkboard
