#include "server/features/auth/invites_controller.h"

#include "server/features/auth/jwt_authenticator.h"
#include "server/features/common/server_context.h"
#include "server/http/body_reader.h"
#include "server/http/router.h"
#include "shared/json_writer.h"

namespace corkboard {

InvitesController::InvitesController(ThreadContext &context)
    : m_service(context.db, *context.server.clock)
{
}

void InvitesController::registerRoutes(Router &router)
{
    RouteOptions json;
    json.body = BodyKind::OptionalJson;
    json.maxBodyBytes = 16 * 1024;
    router.add(
        "POST", QStringLiteral("/api/v1/invites"), [this](Request &r) { return create(r); }, json);
    router.add("GET", QStringLiteral("/api/v1/invites"), [this](Request &r) { return list(r); });
    router.add("DELETE", QStringLiteral("/api/v1/invites/{code}"),
        [this](Request &r) { return remove(r); });
}

Response InvitesController::create(const Request &request)
{
    const Principal &me = request.user();
    requireRole(me, QStringLiteral("admin"));
    BodyReader body(request.json, {QStringLiteral("role")});
    const QString role
        = body.optionalString(QStringLiteral("role")).value_or(QStringLiteral("member"));
    if (role != QLatin1String("admin") && role != QLatin1String("member"))
        body.fail(QStringLiteral("role"), QStringLiteral("invalid"),
            QStringLiteral("must be admin or member"));
    body.finish();
    JsonWriter w(512);
    writeJson(w, m_service.create(me.userId, role));
    return Response::data(201, w.take());
}

Response InvitesController::list(const Request &request)
{
    requireRole(request.user(), QStringLiteral("admin"));
    const auto invites = m_service.list();
    JsonWriter w(1024);
    w.beginObject().key("data").beginArray();
    for (const auto &i : invites)
        writeJson(w, i);
    w.endArray().key("next_cursor").null().endObject();
    return Response::json(200, w.take());
}

Response InvitesController::remove(const Request &request)
{
    requireRole(request.user(), QStringLiteral("admin"));
    m_service.remove(request.param(QStringLiteral("code")));
    return Response::noContent();
}

} // namespace corkboard
