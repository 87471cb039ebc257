#include "server/features/boards/board_controller.h"

#include "server/features/common/controller_util.h"
#include "server/features/common/field_reader.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"

namespace corkboard {

namespace {
constexpr int kNameMax = 100;
constexpr int kDescriptionMax = 20000;

// If-None-Match lists `etag` (quoted, as sent in ETag; weak tags compare by value) or is "*".
bool ifNoneMatchHits(const Request &request, const QByteArray &etag)
{
    if (!request.hasHeader("If-None-Match"))
        return false;
    const auto tags = request.header("If-None-Match").split(',');
    for (QByteArray tag : tags) {
        tag = tag.trimmed();
        if (tag == "*")
            return true;
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag)
            return true;
    }
    return false;
}
} // namespace

BoardController::BoardController(ThreadContext &context)
    : m_boards(serviceDeps(context), &m_cache)
    , m_members(serviceDeps(context))
    , m_idempotency(context.db, *context.server.clock)
{
}

void BoardController::registerRoutes(Router &router)
{
    RouteOptions json;
    json.body = BodyKind::Json;
    router.add("GET", QStringLiteral("/api/v1/boards"), [this](Request &r) { return list(r); });
    router.add(
        "POST", QStringLiteral("/api/v1/boards"), [this](Request &r) { return create(r); }, json);
    router.add("GET", QStringLiteral("/api/v1/boards/{id}"), [this](Request &r) { return get(r); });
    router.add(
        "PATCH", QStringLiteral("/api/v1/boards/{id}"), [this](Request &r) { return update(r); },
        json);
    router.add(
        "DELETE", QStringLiteral("/api/v1/boards/{id}"), [this](Request &r) { return remove(r); });
    router.add("GET", QStringLiteral("/api/v1/boards/{id}/members"),
        [this](Request &r) { return members(r); });
    router.add(
        "PUT", QStringLiteral("/api/v1/boards/{id}/members/{user_id}"),
        [this](Request &r) { return putMember(r); }, json);
    router.add("DELETE", QStringLiteral("/api/v1/boards/{id}/members/{user_id}"),
        [this](Request &r) { return removeMember(r); });
}

Response BoardController::list(const Request &request)
{
    const int limit = pageLimit(request);
    const auto page
        = m_boards.list(request.user().userId, request.queryValue(QStringLiteral("cursor")), limit);
    return listResponse(page.boards, page.nextCursor);
}

Response BoardController::create(const Request &request)
{
    FieldReader body(request.json, {"name", "description"});
    const auto name = body.text("name", 1, kNameMax, true);
    const auto description = body.text("description", 0, kDescriptionMax, false);
    body.finish();
    return m_idempotency.run(request, [&] {
        const auto snapshot
            = m_boards.create(request.user().userId, *name, description.value_or(QString()));
        Response r = resourceResponse(201, snapshot);
        r.withHeader(
            "Location", QStringLiteral("/api/v1/boards/%1").arg(snapshot.board.id).toUtf8());
        return withEtag(r, snapshot.board.version);
    });
}

Response BoardController::get(const Request &request)
{
    const QString archived = request.queryValue(QStringLiteral("include_archived"));
    if (!archived.isEmpty() && archived != QLatin1String("true")
        && archived != QLatin1String("false"))
        throw AppError::validation(QStringLiteral("include_archived"),
            QStringLiteral("invalid_type"), QStringLiteral("must be true or false"));
    // "Cache-Control: no-cache" asks for a fresh read (HTTP's meaning: no stored answer unchecked).
    const bool fresh = request.header("Cache-Control").contains("no-cache");
    const auto body = m_boards.snapshot(request.user().userId, request.param(QStringLiteral("id")),
        archived == QLatin1String("true"), !fresh);
    // The tag names these exact bytes: a client holding them gets 304 and no body.
    const QByteArray tag = '"' + body.etag + '"';
    Response r;
    if (ifNoneMatchHits(request, tag)) {
        r.status = 304;
        r.contentType.clear();
    } else {
        r = Response::json(200, body.json);
    }
    r.withHeader("ETag", tag);
    return r;
}

Response BoardController::update(const Request &request)
{
    FieldReader body(request.json, {"name", "description", "archived"});
    BoardPatch patch;
    patch.name = body.text("name", 1, kNameMax, false);
    patch.description = body.text("description", 0, kDescriptionMax, false);
    patch.archived = body.boolean("archived");
    body.finish();
    const auto board = m_boards.update(
        request.user().userId, request.param(QStringLiteral("id")), patch, ifMatchVersion(request));
    Response r = resourceResponse(200, board);
    return withEtag(r, board.version);
}

Response BoardController::remove(const Request &request)
{
    m_boards.remove(
        request.user().userId, request.param(QStringLiteral("id")), ifMatchVersion(request));
    return Response::noContent();
}

Response BoardController::members(const Request &request)
{
    return listResponse(
        m_members.list(request.user().userId, request.param(QStringLiteral("id"))), QString());
}

Response BoardController::putMember(const Request &request)
{
    FieldReader body(request.json, {"role"});
    const auto role = body.text("role", 1, 20, true);
    if (role && *role != QLatin1String("owner") && *role != QLatin1String("editor")
        && *role != QLatin1String("viewer"))
        body.addError(QStringLiteral("role"), QStringLiteral("invalid_choice"),
            QStringLiteral("must be owner, editor or viewer"));
    body.finish();
    const auto result = m_members.put(request.user().userId, request.param(QStringLiteral("id")),
        request.param(QStringLiteral("user_id")), *role);
    return resourceResponse(result.created ? 201 : 200, result.member);
}

Response BoardController::removeMember(const Request &request)
{
    m_members.remove(request.user().userId, request.param(QStringLiteral("id")),
        request.param(QStringLiteral("user_id")));
    return Response::noContent();
}

} // namespace corkboard
