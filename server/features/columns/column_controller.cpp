#include "server/features/columns/column_controller.h"

#include "server/features/common/controller_util.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"

namespace corkboard {

ColumnController::ColumnController(ThreadContext &context)
    : m_service(serviceDeps(context))
    , m_idempotency(context.db, *context.server.clock)
{
}

void ColumnController::registerRoutes(Router &router)
{
    // Writes run on the write lane (SQLite): database work only, events after the commit.
    RouteOptions write;
    write.writeLane = true;
    RouteOptions json = write;
    json.body = BodyKind::Json;
    router.add(
        "POST", QStringLiteral("/api/v1/boards/{id}/columns"),
        [this](Request &r) { return create(r); }, json);
    router.add(
        "PATCH", QStringLiteral("/api/v1/columns/{id}"), [this](Request &r) { return update(r); },
        json);
    router.add(
        "DELETE", QStringLiteral("/api/v1/columns/{id}"), [this](Request &r) { return remove(r); },
        write);
}

ColumnInput ColumnController::read(const Request &request, bool creating)
{
    FieldReader body(request.json, {"name", "wip_limit", "after_column_id"});
    ColumnInput input;
    input.name = body.text("name", 1, 100, creating);
    input.wipLimit = body.nullableInt("wip_limit", 0, 999);
    if (body.has("after_column_id")) {
        input.afterColumnId.present = true;
        input.afterColumnId.value = body.id("after_column_id", false);
    }
    body.finish();
    return input;
}

Response ColumnController::create(const Request &request)
{
    const ColumnInput input = read(request, true);
    return m_idempotency.run(request, [&] {
        const auto column
            = m_service.create(request.user().userId, request.param(QStringLiteral("id")), input);
        Response r = resourceResponse(201, column);
        return withEtag(r, column.version);
    });
}

Response ColumnController::update(const Request &request)
{
    const ColumnInput input = read(request, false);
    const auto column = m_service.update(
        request.user().userId, request.param(QStringLiteral("id")), input, ifMatchVersion(request));
    Response r = resourceResponse(200, column);
    return withEtag(r, column.version);
}

Response ColumnController::remove(const Request &request)
{
    const QString target = request.queryValue(QStringLiteral("move_cards_to"));
    if (target.size() > 64)
        throw AppError::validation(QStringLiteral("move_cards_to"),
            QStringLiteral("unknown_column"), QStringLiteral("not another column of this board"));
    m_service.remove(request.user().userId, request.param(QStringLiteral("id")), target,
        ifMatchVersion(request));
    return Response::noContent();
}

} // namespace corkboard
