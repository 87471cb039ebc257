#include "server/features/backups/backup_controller.h"

#include "server/features/common/controller_util.h"
#include "server/http/router.h"

namespace corkboard {

BackupController::BackupController(ThreadContext &context)
    : m_service(context.server.config, *context.server.clock)
{
}

void BackupController::registerRoutes(Router &router)
{
    router.add(
        "GET", QStringLiteral("/api/v1/admin/backups"), [this](Request &r) { return list(r); });
    router.add(
        "POST", QStringLiteral("/api/v1/admin/backups"), [this](Request &r) { return create(r); });
}

Response BackupController::list(const Request &request)
{
    return listResponse(m_service.listForAdmin(request.user().isAdmin()), QString());
}

Response BackupController::create(const Request &request)
{
    return resourceResponse(201, m_service.createForAdmin(request.user().isAdmin()));
}

} // namespace corkboard
