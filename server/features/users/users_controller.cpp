#include "server/features/users/users_controller.h"

#include "server/features/auth/jwt_authenticator.h"
#include "server/features/common/controller_util.h"
#include "server/features/users/user_validation.h"
#include "server/http/body_reader.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"
#include "shared/json_writer.h"

namespace corkboard {

UsersController::UsersController(ThreadContext &context)
    : m_service(accountDeps(context))
{
}

void UsersController::registerRoutes(Router &router)
{
    RouteOptions json;
    json.body = BodyKind::Json;
    json.maxBodyBytes = 64 * 1024;
    router.add("GET", QStringLiteral("/api/v1/users/me"), [this](Request &r) { return me(r); });
    router.add(
        "PATCH", QStringLiteral("/api/v1/users/me"), [this](Request &r) { return updateMe(r); },
        json);
    router.add(
        "POST", QStringLiteral("/api/v1/users/me/password"),
        [this](Request &r) { return changePassword(r); }, json);
    router.add("GET", QStringLiteral("/api/v1/users"), [this](Request &r) { return directory(r); });
    router.add(
        "PATCH", QStringLiteral("/api/v1/users/{id}"),
        [this](Request &r) { return adminUpdate(r); }, json);
}

std::optional<qint64> UsersController::ifMatch(const Request &request)
{
    QByteArray value = request.header("If-Match").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const qint64 v = value.toLongLong(&ok);
    return ok ? v : -1;
}

Response UsersController::userResponse(const User &user)
{
    JsonWriter w(512);
    writeJson(w, user);
    Response r = Response::data(200, w.take());
    r.withHeader("ETag", '"' + QByteArray::number(user.version) + '"');
    return r;
}

Response UsersController::me(const Request &request)
{
    return userResponse(m_service.me(request.user().userId));
}

Response UsersController::updateMe(const Request &request)
{
    BodyReader body(request.json, {QStringLiteral("display_name")});
    const QString name = body.requiredString(QStringLiteral("display_name"));
    user_validation::checkDisplayName(body, QStringLiteral("display_name"), name);
    body.finish();
    return userResponse(m_service.updateMe(request.user().userId, name, ifMatch(request)));
}

Response UsersController::changePassword(const Request &request)
{
    BodyReader body(
        request.json, {QStringLiteral("current_password"), QStringLiteral("new_password")});
    const QString current = body.requiredString(QStringLiteral("current_password"));
    const QString fresh = body.requiredString(QStringLiteral("new_password"));
    if (BodyReader::codePoints(current) > user_validation::kPasswordMax)
        body.fail(QStringLiteral("current_password"), QStringLiteral("too_long"),
            QStringLiteral("must be at most 256 characters"));
    user_validation::checkPassword(body, QStringLiteral("new_password"), fresh);
    body.finish();
    const Principal &me = request.user();
    m_service.changePassword(me.userId, me.sessionId, current, fresh);
    return Response::noContent();
}

Response UsersController::directory(const Request &request)
{
    // Administrators see each entry's role and disabled flag (and, asked, the disabled users)
    // to manage them.
    const Principal &me = request.user();
    const bool adminView = me.isAdmin();
    const QString includeText = request.queryValue(QStringLiteral("include_disabled"));
    const bool includeDisabled = includeText == QLatin1String("true");
    if (!includeText.isEmpty() && !includeDisabled && includeText != QLatin1String("false"))
        throw AppError::validation(QStringLiteral("include_disabled"), QStringLiteral("invalid"),
            QStringLiteral("must be true or false"));
    if (includeDisabled)
        requireRole(me, QStringLiteral("admin"));
    const QString q = request.queryValue(QStringLiteral("q"));
    const QString limitText = request.queryValue(QStringLiteral("limit"));
    int limit = 50;
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > 200)
            throw AppError::validation(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                QStringLiteral("must be 1–200"));
    }
    if (q.size() > 200)
        throw AppError::validation(QStringLiteral("q"), QStringLiteral("too_long"),
            QStringLiteral("must be at most 200 characters"));
    QString next;
    const auto rows = m_service.directory(
        q, limit, request.queryValue(QStringLiteral("cursor")), &next, adminView, includeDisabled);
    JsonWriter w(2048);
    w.beginObject().key("data").beginArray();
    for (const auto &u : rows)
        writeJson(w, u);
    w.endArray().key("next_cursor").nullableValue(next.isEmpty() ? QString() : next).endObject();
    return Response::json(200, w.take());
}

Response UsersController::adminUpdate(const Request &request)
{
    const Principal &me = request.user();
    requireRole(me, QStringLiteral("admin"));
    BodyReader body(request.json, {QStringLiteral("role"), QStringLiteral("disabled")});
    const auto role = body.optionalString(QStringLiteral("role"));
    const auto disabled = body.optionalBool(QStringLiteral("disabled"));
    if (role && *role != QLatin1String("admin") && *role != QLatin1String("member"))
        body.fail(QStringLiteral("role"), QStringLiteral("invalid"),
            QStringLiteral("must be admin or member"));
    if (!body.hasErrors() && !role && !disabled)
        body.fail(QStringLiteral("role"), QStringLiteral("required"),
            QStringLiteral("give role and/or disabled"));
    body.finish();
    return userResponse(m_service.adminUpdate(
        me.userId, request.param(QStringLiteral("id")), role, disabled, ifMatch(request)));
}

} // namespace corkboard
