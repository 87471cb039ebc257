#include "server/features/comments/comment_controller.h"

#include "server/features/common/controller_util.h"
#include "server/features/common/field_reader.h"
#include "server/http/router.h"

namespace corkboard {

namespace {
constexpr int kBodyMax = 20000;
constexpr int kMaxMentions = 50;

Response commentResponse(int status, const Comment &comment)
{
    Response r = resourceResponse(status, comment);
    return withEtag(r, comment.version);
}
} // namespace

CommentController::CommentController(ThreadContext &context)
    : m_service(serviceDeps(context))
    , m_idempotency(context.db, *context.server.clock)
{
}

void CommentController::registerRoutes(Router &router)
{
    // Writes run on the write lane (SQLite): database work only, events after the commit.
    RouteOptions write;
    write.writeLane = true;
    RouteOptions json = write;
    json.body = BodyKind::Json;
    router.add("GET", QStringLiteral("/api/v1/cards/{id}/comments"),
        [this](Request &r) { return list(r); });
    router.add(
        "POST", QStringLiteral("/api/v1/cards/{id}/comments"),
        [this](Request &r) { return create(r); }, json);
    router.add(
        "PATCH", QStringLiteral("/api/v1/comments/{id}"), [this](Request &r) { return update(r); },
        json);
    router.add(
        "DELETE", QStringLiteral("/api/v1/comments/{id}"), [this](Request &r) { return remove(r); },
        write);
}

Response CommentController::list(const Request &request)
{
    const int limit = pageLimit(request);
    const auto page = m_service.list(request.user().userId, request.param(QStringLiteral("id")),
        request.queryValue(QStringLiteral("cursor")), limit);
    return listResponse(page.comments, page.nextCursor);
}

Response CommentController::create(const Request &request)
{
    FieldReader body(request.json, {"body", "mention_ids"});
    const auto text = body.text("body", 1, kBodyMax, true);
    const auto mentions = body.idList("mention_ids", kMaxMentions);
    body.finish();
    return m_idempotency.run(request, [&] {
        return commentResponse(201,
            m_service.create(request.user().userId, request.param(QStringLiteral("id")), *text,
                mentions.value_or(QStringList())));
    });
}

Response CommentController::update(const Request &request)
{
    FieldReader body(request.json, {"body", "mention_ids"});
    const auto text = body.text("body", 1, kBodyMax, false);
    const auto mentions = body.idList("mention_ids", kMaxMentions);
    body.finish();
    return commentResponse(200,
        m_service.update(request.user().userId, request.param(QStringLiteral("id")), text, mentions,
            ifMatchVersion(request)));
}

Response CommentController::remove(const Request &request)
{
    m_service.remove(
        request.user().userId, request.param(QStringLiteral("id")), ifMatchVersion(request));
    return Response::noContent();
}

} // namespace corkboard
