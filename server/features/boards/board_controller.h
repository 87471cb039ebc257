#pragma once

#include "server/features/boards/board_service.h"
#include "server/features/boards/member_service.h"
#include "server/features/idempotency/idempotency_store.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! /api/v1/boards and /api/v1/boards/{id}/members.
class BoardController
{
public:
    explicit BoardController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response list(const Request &request);
    Response create(const Request &request);
    Response get(const Request &request);
    Response update(const Request &request);
    Response remove(const Request &request);
    Response members(const Request &request);
    Response putMember(const Request &request);
    Response removeMember(const Request &request);

private:
    SnapshotCache m_cache; //!< this thread's (before m_boards, which points at it)
    BoardService m_boards;
    MemberService m_members;
    IdempotencyStore m_idempotency;
};

} // namespace corkboard
