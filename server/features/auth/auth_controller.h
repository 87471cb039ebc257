#pragma once

#include "server/features/auth/auth_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! /api/v1/auth/*: register, login, refresh, logout, sessions.
class AuthController
{
public:
    explicit AuthController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response registerAccount(const Request &request);
    Response login(const Request &request);
    Response refresh(const Request &request);
    Response logout(const Request &request);
    Response sessions(const Request &request);
    Response revokeSession(const Request &request);

private:
    static ClientInfo clientOf(const Request &request);

    AuthService m_service;
};

} // namespace corkboard
