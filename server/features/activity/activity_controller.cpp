#include "server/features/activity/activity_controller.h"

#include "server/features/activity/activity_service.h"
#include "server/features/common/controller_util.h"
#include "server/features/common/field_reader.h"
#include "server/http/router.h"

namespace corkboard {

ActivityController::ActivityController(ThreadContext &context)
    : m_db(context.db)
{
}

void ActivityController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/boards/{id}/activity"),
        [this](Request &r) { return list(r); });
}

Response ActivityController::list(const Request &request)
{
    const int limit = pageLimit(request);
    const auto page = ActivityService(m_db).list(request.user().userId,
        request.param(QStringLiteral("id")), request.queryValue(QStringLiteral("card_id")),
        request.queryValue(QStringLiteral("cursor")), limit);
    return listResponse(page.entries, page.nextCursor);
}

} // namespace corkboard
