#pragma once

#include "server/features/events/mutation.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! GET /boards/{id}/activity: who did what, newest first, cursor-paged (any member).
class ActivityController
{
public:
    explicit ActivityController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response list(const Request &request);

private:
    Database &m_db;
};

} // namespace corkboard
