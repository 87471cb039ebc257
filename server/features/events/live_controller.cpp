#include "server/features/events/live_controller.h"

#include "server/features/events/live_hub.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"

namespace corkboard {

LiveController::LiveController(LiveHub &hub)
    : m_hub(hub)
{
}

void LiveController::registerRoutes(Router &router)
{
    RouteOptions stream;
    stream.auth = false; // the hub checks the Bearer token itself, before taking the socket over
    stream.streaming = true;
    router.add(
        "GET", QStringLiteral("/api/v1/events"),
        [this](Request &request) { return m_hub.openEventStream(request); }, stream);
    RouteOptions plain;
    plain.auth = false;
    router.add(
        "GET", QStringLiteral("/api/v1/ws"),
        [](Request &) -> Response {
            throw AppError(ErrorCode::MalformedRequest,
                QStringLiteral("this endpoint speaks WebSocket: send Upgrade: websocket"));
        },
        plain);
}

} // namespace corkboard
