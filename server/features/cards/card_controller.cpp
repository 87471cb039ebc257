#include "server/features/cards/card_controller.h"

#include "server/features/common/controller_util.h"
#include "server/http/router.h"

namespace corkboard {

namespace {
constexpr int kTitleMax = 200;
constexpr int kDescriptionMax = 20000;
constexpr int kMaxIds = 50;

Response cardResponse(int status, const CardDetail &card)
{
    Response r = resourceResponse(status, card);
    return withEtag(r, card.card.version);
}
} // namespace

CardController::CardController(ThreadContext &context)
    : m_service(serviceDeps(context))
    , m_idempotency(context.db, *context.server.clock)
{
}

void CardController::registerRoutes(Router &router)
{
    // Writes run on the write lane (SQLite): database work only, events after the commit.
    RouteOptions write;
    write.writeLane = true;
    RouteOptions json = write;
    json.body = BodyKind::Json;
    router.add(
        "POST", QStringLiteral("/api/v1/boards/{id}/cards"),
        [this](Request &r) { return create(r); }, json);
    router.add("GET", QStringLiteral("/api/v1/cards/{id}"), [this](Request &r) { return get(r); });
    router.add(
        "PATCH", QStringLiteral("/api/v1/cards/{id}"), [this](Request &r) { return update(r); },
        json);
    router.add(
        "DELETE", QStringLiteral("/api/v1/cards/{id}"), [this](Request &r) { return remove(r); },
        write);
    router.add(
        "POST", QStringLiteral("/api/v1/cards/{id}/move"), [this](Request &r) { return move(r); },
        json);
}

Response CardController::create(const Request &request)
{
    FieldReader body(request.json,
        {"column_id", "title", "description", "assignee_ids", "label_ids", "due_at",
            "after_card_id"});
    CardInput input;
    input.columnId = body.id("column_id", true).value_or(QString());
    input.title = body.text("title", 1, kTitleMax, true).value_or(QString());
    input.description = body.text("description", 0, kDescriptionMax, false).value_or(QString());
    input.assigneeIds = body.idList("assignee_ids", kMaxIds).value_or(QStringList());
    input.labelIds = body.idList("label_ids", kMaxIds).value_or(QStringList());
    input.dueAt = body.nullableTime("due_at").value.value_or(QDateTime());
    if (body.has("after_card_id")) { // null: the top of the column
        input.afterCardId.present = true;
        input.afterCardId.value = body.id("after_card_id", false);
    }
    body.finish();
    return m_idempotency.run(request, [&] {
        return cardResponse(201,
            m_service.create(request.user().userId, request.param(QStringLiteral("id")), input));
    });
}

Response CardController::get(const Request &request)
{
    return cardResponse(
        200, m_service.get(request.user().userId, request.param(QStringLiteral("id"))));
}

Response CardController::update(const Request &request)
{
    FieldReader body(
        request.json, {"title", "description", "assignee_ids", "label_ids", "due_at", "archived"});
    CardPatch patch;
    patch.title = body.text("title", 1, kTitleMax, false);
    patch.description = body.text("description", 0, kDescriptionMax, false);
    patch.assigneeIds = body.idList("assignee_ids", kMaxIds);
    patch.labelIds = body.idList("label_ids", kMaxIds);
    patch.dueAt = body.nullableTime("due_at");
    patch.archived = body.boolean("archived");
    body.finish();
    return cardResponse(200,
        m_service.update(request.user().userId, request.param(QStringLiteral("id")), patch,
            ifMatchVersion(request)));
}

Response CardController::move(const Request &request)
{
    FieldReader body(request.json, {"column_id", "after_card_id", "before_card_id"});
    CardMove move;
    move.columnId = body.id("column_id", true).value_or(QString());
    if (body.has("after_card_id")) {
        move.afterCardId.present = true;
        move.afterCardId.value = body.id("after_card_id", false);
    }
    move.beforeCardId = body.id("before_card_id", false);
    if (move.afterCardId.present && body.has("before_card_id"))
        body.addError(QStringLiteral("before_card_id"), QStringLiteral("conflicting"),
            QStringLiteral("give after_card_id or before_card_id, not both"));
    body.finish();
    return cardResponse(200,
        m_service.move(request.user().userId, request.param(QStringLiteral("id")), move,
            ifMatchVersion(request)));
}

Response CardController::remove(const Request &request)
{
    m_service.remove(
        request.user().userId, request.param(QStringLiteral("id")), ifMatchVersion(request));
    return Response::noContent();
}

} // namespace corkboard
