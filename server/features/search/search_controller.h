#pragma once

#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Database;
class Router;
struct ThreadContext;

//! GET /api/v1/search?q=&board_id=&limit=.
class SearchController
{
public:
    explicit SearchController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response search(const Request &request);

private:
    Database &m_db;
};

} // namespace corkboard
