#include "server/features/checklists/checklist_controller.h"

#include "server/features/common/controller_util.h"
#include "server/features/common/field_reader.h"
#include "server/http/router.h"

namespace corkboard {

namespace {
constexpr int kTextMax = 1000;

Response itemResponse(int status, const ChecklistItem &item)
{
    Response r = resourceResponse(status, item);
    return withEtag(r, item.version);
}
} // namespace

ChecklistController::ChecklistController(ThreadContext &context)
    : m_service(serviceDeps(context))
    , m_idempotency(context.db, *context.server.clock)
{
}

void ChecklistController::registerRoutes(Router &router)
{
    // Writes run on the write lane (SQLite): database work only, events after the commit.
    RouteOptions write;
    write.writeLane = true;
    RouteOptions json = write;
    json.body = BodyKind::Json;
    router.add(
        "POST", QStringLiteral("/api/v1/cards/{id}/checklist"),
        [this](Request &r) { return add(r); }, json);
    router.add(
        "PATCH", QStringLiteral("/api/v1/checklist-items/{id}"),
        [this](Request &r) { return update(r); }, json);
    router.add(
        "DELETE", QStringLiteral("/api/v1/checklist-items/{id}"),
        [this](Request &r) { return remove(r); }, write);
}

Response ChecklistController::add(const Request &request)
{
    FieldReader body(request.json, {"text"});
    const auto text = body.text("text", 1, kTextMax, true);
    body.finish();
    return m_idempotency.run(request, [&] {
        return itemResponse(
            201, m_service.add(request.user().userId, request.param(QStringLiteral("id")), *text));
    });
}

Response ChecklistController::update(const Request &request)
{
    FieldReader body(request.json, {"text", "done", "after_item_id"});
    const auto text = body.text("text", 1, kTextMax, false);
    const auto done = body.boolean("done");
    Patch<QString> after;
    if (body.has("after_item_id")) {
        after.present = true;
        after.value = body.id("after_item_id", false);
    }
    body.finish();
    return itemResponse(200,
        m_service.update(request.user().userId, request.param(QStringLiteral("id")), text, done,
            after, ifMatchVersion(request)));
}

Response ChecklistController::remove(const Request &request)
{
    m_service.remove(
        request.user().userId, request.param(QStringLiteral("id")), ifMatchVersion(request));
    return Response::noContent();
}

} // namespace corkboard
