#pragma once

namespace corkboard {

class HttpWorker;
class LiveHub;
class Router;

//! Routes of live updates: GET /api/v1/events (SSE) and GET /api/v1/ws (the WebSocket upgrade
//! itself is taken by the hub before routing; a plain GET is answered 400).
class LiveController
{
public:
    explicit LiveController(LiveHub &hub);
    void registerRoutes(Router &router);

private:
    LiveHub &m_hub;
};

} // namespace corkboard
