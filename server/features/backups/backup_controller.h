#pragma once

#include "server/features/backups/backup_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! /api/v1/admin/backups: list and make backups (server admins only).
class BackupController
{
public:
    explicit BackupController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response list(const Request &request);
    Response create(const Request &request);

private:
    BackupService m_service;
};

} // namespace corkboard
