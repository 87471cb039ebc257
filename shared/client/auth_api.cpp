#include "shared/client/auth_api.h"

#include <QJsonDocument>
#include <QUrl>

namespace corkboard::client {

namespace {
QString enc(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

template<typename T>
ApiResult<QList<T>> listOf(const ApiResult<Page<T>> &page)
{
    if (!page)
        return page.error();
    return page.value().items;
}
} // namespace

QFuture<ApiResult<User>> AuthApi::signIn(ApiRequest request)
{
    request.authenticated = false;
    SharedPromise<ApiResult<User>> promise;
    ApiClient *client = &m_client;
    m_client.send(std::move(request))
        .then(client, [client, promise](const ApiResult<ApiResponse> &r) {
            if (!r) {
                promise.finish(r.error());
                return;
            }
            const auto result = decode::checked<AuthResult>(r.value(), &fromJson);
            if (!result) {
                promise.finish(result.error());
                return;
            }
            const AuthResult &auth = result.value();
            const SessionTokens tokens {
                auth.tokens.accessToken, auth.tokens.expiresIn, auth.tokens.refreshToken};
            // Signed in once the refresh token is filed; a store failure is reported through
            // ApiClient::tokenStoreFailed but does not undo the sign-in for this run.
            client->adoptSession(auth.user.id, tokens)
                .then(client, [promise, user = auth.user](const ApiResult<NoContent> &) {
                    promise.finish(user);
                });
        });
    return promise.future();
}

QFuture<ApiResult<User>> AuthApi::registerAccount(const QString &email, const QString &password,
    const QString &displayName, const std::optional<QString> &inviteCode)
{
    QJsonObject body {{QStringLiteral("email"), email}, {QStringLiteral("password"), password},
        {QStringLiteral("display_name"), displayName}};
    if (inviteCode)
        body.insert(QStringLiteral("invite_code"), *inviteCode);
    return signIn(ApiRequest::json("POST", QStringLiteral("/api/v1/auth/register"), body));
}

QFuture<ApiResult<User>> AuthApi::login(const QString &email, const QString &password)
{
    return signIn(ApiRequest::json("POST", QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}));
}

QFuture<ApiResult<NoContent>> AuthApi::logout()
{
    SharedPromise<ApiResult<NoContent>> promise;
    ApiClient *client = &m_client;
    // Make sure the access token is fresh first: a refresh rotates the refresh token, and the
    // logout body must carry the current one (a spent one would count as reuse).
    client->ensureAccessToken().then(client, [client, promise](const ApiResult<NoContent> &fresh) {
        if (!fresh) {
            client->forgetSession().then(
                client, [promise, fresh](const ApiResult<NoContent> &) { promise.finish(fresh); });
            return;
        }
        ApiRequest request = ApiRequest::json("POST", QStringLiteral("/api/v1/auth/logout"),
            {{QStringLiteral("refresh_token"), client->refreshTokenForLogout()}});
        client->send(std::move(request))
            .then(client, [client, promise](const ApiResult<ApiResponse> &r) {
                const ApiResult<NoContent> serverResult
                    = r ? ApiResult<NoContent>(NoContent {}) : ApiResult<NoContent>(r.error());
                client->forgetSession().then(
                    client, [promise, serverResult](const ApiResult<NoContent> &forgot) {
                        promise.finish(serverResult ? forgot : serverResult);
                    });
            });
    });
    return promise.future();
}

QFuture<ApiResult<QList<Session>>> AuthApi::sessions()
{
    return m_client.call<QList<Session>>(ApiRequest::get(QStringLiteral("/api/v1/auth/sessions")),
        [](const ApiResponse &r) { return listOf(decode::checkedPage<Session>(r, &fromJson)); });
}

QFuture<ApiResult<NoContent>> AuthApi::revokeSession(const QString &id)
{
    return m_client.call<NoContent>(
        ApiRequest::del(QStringLiteral("/api/v1/auth/sessions/") + enc(id)), &decode::none);
}

// No Idempotency-Key: the invites route does not honour one, so the call must not be retried.
QFuture<ApiResult<Invite>> AuthApi::createInvite(const QString &role)
{
    return m_client.call<Invite>(ApiRequest::json("POST", QStringLiteral("/api/v1/invites"),
                                     {{QStringLiteral("role"), role}}),
        [](const ApiResponse &r) { return decode::checked<Invite>(r, &fromJson); });
}

QFuture<ApiResult<QList<Invite>>> AuthApi::invites()
{
    return m_client.call<QList<Invite>>(ApiRequest::get(QStringLiteral("/api/v1/invites")),
        [](const ApiResponse &r) { return listOf(decode::checkedPage<Invite>(r, &fromJson)); });
}

QFuture<ApiResult<NoContent>> AuthApi::deleteInvite(const QString &code)
{
    return m_client.call<NoContent>(
        ApiRequest::del(QStringLiteral("/api/v1/invites/") + enc(code)), &decode::none);
}

QFuture<ApiResult<User>> UsersApi::me()
{
    return m_client.call<User>(ApiRequest::get(QStringLiteral("/api/v1/users/me")),
        [](const ApiResponse &r) { return decode::checked<User>(r, &fromJson); });
}

QFuture<ApiResult<User>> UsersApi::updateMe(
    const QString &displayName, std::optional<qint64> ifMatch)
{
    ApiRequest request = ApiRequest::json("PATCH", QStringLiteral("/api/v1/users/me"),
        {{QStringLiteral("display_name"), displayName}});
    if (ifMatch)
        request.ifMatch = QByteArray::number(*ifMatch);
    return m_client.call<User>(std::move(request),
        [](const ApiResponse &r) { return decode::checked<User>(r, &fromJson); });
}

QFuture<ApiResult<NoContent>> UsersApi::changePassword(
    const QString &currentPassword, const QString &newPassword)
{
    return m_client.call<NoContent>(
        ApiRequest::json("POST", QStringLiteral("/api/v1/users/me/password"),
            {{QStringLiteral("current_password"), currentPassword},
                {QStringLiteral("new_password"), newPassword}}),
        &decode::none);
}

QFuture<ApiResult<Page<UserSummary>>> UsersApi::directory(
    const QString &query, const PageRequest &page, bool includeDisabled)
{
    QUrlQuery q;
    if (!query.isEmpty())
        q.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(query)));
    if (includeDisabled)
        q.addQueryItem(QStringLiteral("include_disabled"), QStringLiteral("true"));
    page.addTo(q);
    return m_client.call<Page<UserSummary>>(ApiRequest::get(QStringLiteral("/api/v1/users"), q),
        [](const ApiResponse &r) { return decode::checkedPage<UserSummary>(r, &fromJson); });
}

QFuture<ApiResult<User>> UsersApi::adminUpdate(
    const QString &userId, const std::optional<QString> &role, const std::optional<bool> &disabled)
{
    QJsonObject body;
    if (role)
        body.insert(QStringLiteral("role"), *role);
    if (disabled)
        body.insert(QStringLiteral("disabled"), *disabled);
    return m_client.call<User>(
        ApiRequest::json("PATCH", QStringLiteral("/api/v1/users/") + enc(userId), body),
        [](const ApiResponse &r) { return decode::checked<User>(r, &fromJson); });
}

} // namespace corkboard::client
