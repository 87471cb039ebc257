#pragma once

#include "server/features/users/user_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

#include <optional>

namespace corkboard {

class Router;
struct ThreadContext;

//! /api/v1/users/*: my account, the directory, admin user management.
class UsersController
{
public:
    explicit UsersController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response me(const Request &request);
    Response updateMe(const Request &request);
    Response changePassword(const Request &request);
    Response directory(const Request &request);
    Response adminUpdate(const Request &request);

    //! `If-Match: "3"` → 3; absent → nullopt; anything else → -1 (never matches).
    static std::optional<qint64> ifMatch(const Request &request);

private:
    static Response userResponse(const User &user);

    UserService m_service;
};

} // namespace corkboard
