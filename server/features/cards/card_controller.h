#pragma once

#include "server/features/cards/card_service.h"
#include "server/features/idempotency/idempotency_store.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! POST /boards/{id}/cards, GET|PATCH|DELETE /cards/{id}, POST /cards/{id}/move.
class CardController
{
public:
    explicit CardController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response create(const Request &request);
    Response get(const Request &request);
    Response update(const Request &request);
    Response move(const Request &request);
    Response remove(const Request &request);

private:
    CardService m_service;
    IdempotencyStore m_idempotency;
};

} // namespace corkboard
