#pragma once

#include "server/features/comments/comment_service.h"
#include "server/features/idempotency/idempotency_store.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! GET|POST /cards/{id}/comments, PATCH|DELETE /comments/{id}.
class CommentController
{
public:
    explicit CommentController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response list(const Request &request);
    Response create(const Request &request);
    Response update(const Request &request);
    Response remove(const Request &request);

private:
    CommentService m_service;
    IdempotencyStore m_idempotency;
};

} // namespace corkboard
