#include "server/features/transfer/transfer_controller.h"

#include "server/features/common/controller_util.h"
#include "server/features/transfer/import_plan.h"
#include "server/http/router.h"

#include <QDateTime>

namespace corkboard {

namespace {
// The document itself is the body (a file to keep), not wrapped in {"data": …}.
Response document(QByteArray body, const QString &fileName)
{
    Response r = Response::json(200, std::move(body));
    r.withHeader("Content-Disposition",
        QStringLiteral("attachment; filename=\"%1\"").arg(fileName).toUtf8());
    return r;
}
} // namespace

TransferController::TransferController(ThreadContext &context)
    : m_service(serviceDeps(context))
{
}

void TransferController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/boards/{id}/export"),
        [this](Request &r) { return exportBoard(r); });
    router.add("GET", QStringLiteral("/api/v1/admin/export"),
        [this](Request &r) { return exportInstance(r); });
    RouteOptions json;
    json.body = BodyKind::Json;
    json.maxBodyBytes = import_limits::kMaxDocumentBytes;
    router.add(
        "POST", QStringLiteral("/api/v1/boards/import"),
        [this](Request &r) { return importBoard(r); }, json);
}

Response TransferController::exportBoard(const Request &request)
{
    const QString id = request.param(QStringLiteral("id"));
    return document(m_service.exportBoard(request.user().userId, id),
        QStringLiteral("corkboard-board-%1.json").arg(id.left(36)));
}

Response TransferController::exportInstance(const Request &request)
{
    return document(m_service.exportInstance(request.user().isAdmin()),
        QStringLiteral("corkboard-export-%1.json")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd"))));
}

Response TransferController::importBoard(const Request &request)
{
    const auto report = m_service.importBoard(request.user().userId, request.json);
    Response r = resourceResponse(201, report);
    r.withHeader("Location", QStringLiteral("/api/v1/boards/%1").arg(report.boardId).toUtf8());
    return r;
}

} // namespace corkboard
