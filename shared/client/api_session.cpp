// The session half of ApiClient: refresh (single flight), restore, adopt, end.
#include "shared/client/api_client.h"

#include "shared/client/client_log.h"

namespace corkboard::client {

namespace {
bool refreshRefused(const ApiError &e)
{
    // The server looked at the refresh token and said no: it is spent, revoked or expired.
    return e.kind == ApiError::Kind::Http && e.status >= 400 && e.status < 500 && e.status != 429;
}
} // namespace

void ApiClient::whenRefreshed(RefreshWaiter waiter)
{
    m_refreshWaiters.append(std::move(waiter));
    if (m_refreshing)
        return;
    if (m_refreshToken.isEmpty()) {
        completeRefresh(
            ApiError::session(ErrorCode::Unauthenticated, QStringLiteral("not signed in")));
        return;
    }
    m_refreshing = true;
    Q_EMIT refreshStarted();
    qCInfo(lcClientSession) << "refreshing the access token";
    // Never retried: a replay of a refresh that reached the server would present a spent token
    // and revoke the whole token family. A POST without Idempotency-Key is not retried.
    ApiRequest request = ApiRequest::json("POST", QStringLiteral("/api/v1/auth/refresh"),
        {{QStringLiteral("refresh_token"), m_refreshToken}});
    request.authenticated = false;
    send(std::move(request)).then(this, [this](const ApiResult<ApiResponse> &r) {
        if (!r) {
            if (refreshRefused(r.error())) {
                const ApiError ended
                    = ApiError::session(ErrorCode::Unauthenticated, r.error().detail);
                endSession(r.error());
                completeRefresh(ended);
            } else {
                completeRefresh(r.error()); // offline or server trouble: the session goes on
            }
            return;
        }
        const auto tokens = SessionTokens::fromJson(
            r.value().data().toObject().value(QStringLiteral("tokens")).toObject());
        if (!tokens) {
            ApiError e = ApiError::transport(
                ApiError::Kind::Decode, QStringLiteral("refresh answer without tokens"));
            e.status = r.value().status;
            completeRefresh(e);
            return;
        }
        adoptSession(m_accountId, *tokens);
        completeRefresh(std::nullopt);
    });
}

void ApiClient::completeRefresh(const std::optional<ApiError> &error)
{
    m_refreshing = false;
    const auto waiters = std::exchange(m_refreshWaiters, {});
    for (const auto &w : waiters)
        w(error);
}

void ApiClient::endSession(const ApiError &reason)
{
    const bool wasSignedIn = !m_refreshToken.isEmpty();
    qCInfo(lcClientSession) << "session ended:" << reason.logText();
    forgetSession();
    if (wasSignedIn)
        Q_EMIT sessionEnded(reason);
}

QFuture<ApiResult<NoContent>> ApiClient::refreshSession()
{
    SharedPromise<ApiResult<NoContent>> promise;
    whenRefreshed([promise](const std::optional<ApiError> &error) {
        promise.finish(error ? ApiResult<NoContent>(*error) : ApiResult<NoContent>(NoContent {}));
    });
    return promise.future();
}

QFuture<ApiResult<NoContent>> ApiClient::ensureAccessToken()
{
    if (accessTokenUsable())
        return readyFuture(ApiResult<NoContent>(NoContent {}));
    return refreshSession();
}

QFuture<ApiResult<NoContent>> ApiClient::restoreSession(const QString &accountId)
{
    m_accountId = accountId;
    SharedPromise<ApiResult<NoContent>> promise;
    m_store->readToken(tokenKey()).then(this, [this, promise](const TokenRead &read) {
        if (!read) {
            promise.finish(read.error());
            return;
        }
        if (!read.value()) {
            promise.finish(
                ApiError::session(ErrorCode::Unauthenticated, QStringLiteral("not signed in")));
            return;
        }
        m_refreshToken = *read.value();
        whenRefreshed([this, promise](const std::optional<ApiError> &error) {
            if (error) {
                promise.finish(*error);
                return;
            }
            Q_EMIT signedIn(m_accountId);
            promise.finish(NoContent {});
        });
    });
    return promise.future();
}

QFuture<ApiResult<NoContent>> ApiClient::adoptSession(
    const QString &accountId, const SessionTokens &tokens)
{
    const bool newSession = m_refreshToken.isEmpty() || m_accountId != accountId;
    m_accountId = accountId;
    m_accessToken = tokens.accessToken;
    m_accessExpiry = m_options.now().addSecs(tokens.expiresIn);
    m_refreshToken = tokens.refreshToken;
    Q_EMIT accessTokenChanged(m_accessToken, m_accessExpiry);
    if (newSession)
        Q_EMIT signedIn(accountId);
    SharedPromise<ApiResult<NoContent>> promise;
    m_store->writeToken(tokenKey(), m_refreshToken)
        .then(this, [this, promise](const ApiResult<NoContent> &r) {
            if (!r) {
                qCWarning(lcClientKeychain)
                    << "could not keep the refresh token:" << r.error().detail;
                Q_EMIT tokenStoreFailed(r.error());
            }
            promise.finish(r);
        });
    return promise.future();
}

QFuture<ApiResult<NoContent>> ApiClient::forgetSession()
{
    m_accessToken.clear();
    m_accessExpiry = QDateTime();
    m_refreshToken.clear();
    m_kept.clear();
    if (m_accountId.isEmpty())
        return readyFuture(ApiResult<NoContent>(NoContent {}));
    return m_store->removeToken(tokenKey());
}

} // namespace corkboard::client
