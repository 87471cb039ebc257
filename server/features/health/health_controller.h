#pragma once

#include "server/features/health/health_repository.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! /health, /ready, /metrics, /api/v1/server-info and /api/openapi.json.
class HealthController
{
public:
    HealthController(ThreadContext &context, const Router &router);
    void registerRoutes(Router &router);

    Response health(const Request &request);
    Response ready(const Request &request);
    Response metrics(const Request &request);
    Response serverInfo(const Request &request);
    Response openApi(const Request &request);

private:
    ThreadContext &m_context;
    HealthRepository m_repository;
    int m_expectedMigrations = 0;
    QByteArray m_openApi;
};

} // namespace corkboard
