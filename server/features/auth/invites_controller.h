#pragma once

#include "server/features/auth/invite_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! /api/v1/invites (admin only).
class InvitesController
{
public:
    explicit InvitesController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response create(const Request &request);
    Response list(const Request &request);
    Response remove(const Request &request);

private:
    InviteService m_service;
};

} // namespace corkboard
