#include "server/features/auth/auth_controller.h"

#include "server/features/common/controller_util.h"
#include "server/features/users/user_validation.h"
#include "server/http/body_reader.h"
#include "server/http/connection_limits.h"
#include "server/http/router.h"
#include "shared/json_writer.h"

namespace corkboard {

AuthController::AuthController(ThreadContext &context)
    : m_service(accountDeps(context))
{
}

void AuthController::registerRoutes(Router &router)
{
    RouteOptions open;
    open.auth = false;
    open.body = BodyKind::Json;
    open.maxBodyBytes = 64 * 1024;
    RouteOptions authedJson;
    authedJson.body = BodyKind::Json;
    authedJson.maxBodyBytes = 64 * 1024;
    router.add(
        "POST", QStringLiteral("/api/v1/auth/register"),
        [this](Request &r) { return registerAccount(r); }, open);
    router.add(
        "POST", QStringLiteral("/api/v1/auth/login"), [this](Request &r) { return login(r); },
        open);
    router.add(
        "POST", QStringLiteral("/api/v1/auth/refresh"), [this](Request &r) { return refresh(r); },
        open);
    router.add(
        "POST", QStringLiteral("/api/v1/auth/logout"), [this](Request &r) { return logout(r); },
        authedJson);
    router.add(
        "GET", QStringLiteral("/api/v1/auth/sessions"), [this](Request &r) { return sessions(r); });
    router.add("DELETE", QStringLiteral("/api/v1/auth/sessions/{id}"),
        [this](Request &r) { return revokeSession(r); });
}

ClientInfo AuthController::clientOf(const Request &request)
{
    return ClientInfo {request.peer.toString(), QString::fromUtf8(request.header("User-Agent")),
        ConnectionLimiter::addressKey(request.peer)};
}

Response AuthController::registerAccount(const Request &request)
{
    BodyReader body(request.json,
        {QStringLiteral("email"), QStringLiteral("password"), QStringLiteral("display_name"),
            QStringLiteral("invite_code"), QStringLiteral("setup_code")});
    RegisterInput input;
    input.email = body.requiredString(QStringLiteral("email"));
    input.password = body.requiredString(QStringLiteral("password"));
    input.displayName = body.requiredString(QStringLiteral("display_name"));
    input.inviteCode = body.optionalString(QStringLiteral("invite_code"));
    input.setupCode = body.optionalString(QStringLiteral("setup_code"));
    user_validation::checkEmail(body, QStringLiteral("email"), input.email);
    user_validation::checkPassword(body, QStringLiteral("password"), input.password);
    user_validation::checkDisplayName(body, QStringLiteral("display_name"), input.displayName);
    if (input.inviteCode && (input.inviteCode->isEmpty() || input.inviteCode->size() > 100))
        body.fail(QStringLiteral("invite_code"), QStringLiteral("invalid"),
            QStringLiteral("this invite code is not valid"));
    if (input.setupCode && input.setupCode->size() > 64)
        body.fail(QStringLiteral("setup_code"), QStringLiteral("invalid"),
            QStringLiteral("this setup code is not valid"));
    body.finish();

    const auto result = m_service.registerAccount(input, clientOf(request));
    JsonWriter w(1024);
    writeJson(w, result);
    Response r = Response::data(201, w.take());
    r.withHeader("Location", "/api/v1/users/me");
    return r;
}

Response AuthController::login(const Request &request)
{
    BodyReader body(request.json, {QStringLiteral("email"), QStringLiteral("password")});
    const QString email = body.requiredString(QStringLiteral("email"));
    const QString password = body.requiredString(QStringLiteral("password"));
    // No format rules at sign-in (a wrong e-mail is just wrong credentials), only the size caps.
    if (email.size() > user_validation::kEmailMax)
        body.fail(QStringLiteral("email"), QStringLiteral("too_long"),
            QStringLiteral("must be at most 254 characters"));
    if (BodyReader::codePoints(password) > user_validation::kPasswordMax)
        body.fail(QStringLiteral("password"), QStringLiteral("too_long"),
            QStringLiteral("must be at most 256 characters"));
    body.finish();

    const auto result = m_service.login(email, password, clientOf(request));
    JsonWriter w(1024);
    writeJson(w, result);
    return Response::data(200, w.take());
}

Response AuthController::refresh(const Request &request)
{
    BodyReader body(request.json, {QStringLiteral("refresh_token")});
    const QString token = body.requiredString(QStringLiteral("refresh_token"));
    body.finish();
    const auto tokens = m_service.refresh(token, clientOf(request));
    JsonWriter w(512);
    w.beginObject().key("tokens");
    writeJson(w, tokens);
    w.endObject();
    return Response::data(200, w.take());
}

Response AuthController::logout(const Request &request)
{
    BodyReader body(request.json, {QStringLiteral("refresh_token")});
    const QString token = body.requiredString(QStringLiteral("refresh_token"));
    body.finish();
    m_service.logout(request.user().userId, token);
    return Response::noContent();
}

Response AuthController::sessions(const Request &request)
{
    const Principal &me = request.user();
    const auto list = m_service.sessions(me.userId, me.sessionId);
    JsonWriter w(512);
    w.beginObject().key("data").beginArray();
    for (const auto &s : list)
        writeJson(w, s);
    w.endArray().key("next_cursor").null().endObject();
    return Response::json(200, w.take());
}

Response AuthController::revokeSession(const Request &request)
{
    m_service.revokeSession(request.user().userId, request.param(QStringLiteral("id")));
    return Response::noContent();
}

} // namespace corkboard
