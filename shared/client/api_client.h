#pragma once

#include <memory>
#include <vector>

#include "shared/client/api_result.h"
#include "shared/client/backoff.h"
#include "shared/client/server_trust.h"
#include "shared/client/token_store.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>
#include <optional>

class QHttpMultiPart;
class QIODevice;
class QNetworkAccessManager;
class QNetworkRequest;
class QNetworkReply;

namespace corkboard::client {

//! One HTTP call as the typed methods describe it (path below the server URL, e.g.
//! "/api/v1/boards").
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;
    QUrlQuery query;
    QByteArray body; //!< JSON; empty for no body
    bool authenticated = true; //!< sends the bearer token and takes part in refresh
    bool idempotencyKey
        = false; //!< creating POST: sends a fresh Idempotency-Key, making it retryable
    QByteArray ifMatch; //!< version for If-Match (optimistic concurrency), empty for none
    //! GET whose answer the client keeps (per account and URL): the next identical call sends
    //! If-None-Match and, on 304, answers with the kept copy instead of a new body.
    bool conditional = false;

    static ApiRequest get(const QString &path, QUrlQuery query = {});
    static ApiRequest json(const QByteArray &method, const QString &path, const QJsonObject &body);
    static ApiRequest create(const QString &path, const QJsonObject &body); //!< POST with a key
    static ApiRequest del(const QString &path);
};

//! A 2xx answer.
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QByteArray etag;
    QString requestId;
    bool notModified = false; //!< the server said 304: `body` is the client's kept copy

    QJsonObject json() const;
    QJsonValue data() const; //!< the "data" member of a success body
    QString nextCursor() const; //!< "next_cursor" of a collection; empty when null
};

//! The token pair the auth routes answer with.
struct SessionTokens
{
    QString accessToken;
    qint64 expiresIn = 0; //!< seconds
    QString refreshToken;
    static std::optional<SessionTokens> fromJson(const QJsonObject &tokens);
};

//! The typed client of the Corkboard API (HTTP side). Asynchronous: every call returns a QFuture
//! of an ApiResult; nothing blocks or spins a nested event loop. Owns the session: the access
//! token lives in memory only, the refresh token in memory and in a TokenStore between runs.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    enum class Connectivity
    {
        Online,
        Reconnecting,
        Offline
    };
    Q_ENUM(Connectivity)

    struct Options
    {
        int timeoutMs = 30000; //!< per attempt
        int maxRetries = 3; //!< network failures and 5xx on retryable calls
        int maxRetryAfterMs = 30000; //!< cap on a server's Retry-After
        int refreshLeewayMs = 30000; //!< refresh this long before the access token expires
        BackoffFn backoff = exponentialBackoff(500, 8000);
        NowFn now = systemNow();
    };

    ApiClient(QUrl serverUrl, std::shared_ptr<TokenStore> store, QObject *parent = nullptr);
    ApiClient(QUrl serverUrl, std::shared_ptr<TokenStore> store, Options options,
        QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl serverUrl() const { return m_serverUrl; }
    //! What every request of this client (and the live socket) sends as User-Agent, so a
    //! person's device list says "Corkboard/1.2.0 (Debian GNU/Linux 12 (bookworm))".
    static QString userAgent();
    //! Which certificates this client accepts (pins); by default pins for this run only. Share
    //! one with the LiveClient (attach() does) and give the window's a SettingsPinStore.
    void setServerTrust(std::shared_ptr<ServerTrust> trust) { m_trust = std::move(trust); }
    std::shared_ptr<ServerTrust> serverTrust() const { return m_trust; }
    //! The WebSocket URL of the live endpoint (ws:// or wss://…/api/v1/ws).
    QUrl liveUrl() const;
    Connectivity connectivity() const { return m_connectivity; }

    // Session
    bool isSignedIn() const { return !m_refreshToken.isEmpty(); }
    QString accountId() const { return m_accountId; }
    QString accessToken() const { return m_accessToken; }
    QDateTime accessTokenExpiry() const { return m_accessExpiry; }
    //! Reads the account's refresh token from the store and refreshes. "Entry not found" gives a
    //! Session error (signed out); a store failure a Keychain error.
    QFuture<ApiResult<NoContent>> restoreSession(const QString &accountId);
    //! Refreshes the access token now; concurrent callers share one request (single flight).
    QFuture<ApiResult<NoContent>> refreshSession();
    //! Finishes at once while the access token is usable, otherwise after a (shared) refresh.
    QFuture<ApiResult<NoContent>> ensureAccessToken();
    //! Adopts tokens obtained by login/register: keeps them and files the refresh token.
    QFuture<ApiResult<NoContent>> adoptSession(
        const QString &accountId, const SessionTokens &tokens);
    //! Forgets the session locally (memory and store) without telling the server.
    QFuture<ApiResult<NoContent>> forgetSession();
    //! The refresh token, for the logout call only.
    QString refreshTokenForLogout() const { return m_refreshToken; }

    //! Sends one call with retries and session handling; the typed methods build on this.
    QFuture<ApiResult<ApiResponse>> send(ApiRequest request);

    //! send() + a decoder turning the 2xx answer into T (or an ApiError of kind Decode).
    template<typename T, typename Decode>
    QFuture<ApiResult<T>> call(ApiRequest request, Decode decode)
    {
        return send(std::move(request))
            .then(this, [decode](const ApiResult<ApiResponse> &r) -> ApiResult<T> {
                if (!r)
                    return r.error();
                return decode(r.value());
            });
    }

    Options &options() { return m_options; }

    //! One request the caller drives itself (streamed uploads and downloads): `target` is a path
    //! with an optional query below the server URL (e.g. a signed URL the server handed out).
    //! Built like send()'s (request id, bearer token when `authenticated`, certificate pins) but
    //! without retries or refresh: call ensureAccessToken() first. `body` (a device read as the
    //! request goes, never whole) or `multipart` is not owned; keep it alive until the reply
    //! finishes. The caller owns the reply (deleteLater it).
    QNetworkReply *sendStreamed(const QByteArray &method, const QString &target,
        const QList<QPair<QByteArray, QByteArray>> &headers, QIODevice *body = nullptr,
        bool authenticated = true);
    QNetworkReply *sendMultipart(const QString &path, QHttpMultiPart *multipart);
    //! Why a finished streamed reply failed (same mapping as send()); nullopt for a 2xx. `body`
    //! is what the caller read of it (a problem document).
    std::optional<ApiError> errorOf(QNetworkReply *reply, const QByteArray &body);

Q_SIGNALS:
    void signedIn(const QString &accountId);
    //! The session is over (refresh refused or signed out elsewhere): show sign-in.
    void sessionEnded(const corkboard::client::ApiError &reason);
    void accessTokenChanged(const QString &token, const QDateTime &expiresAt);
    void connectivityChanged(corkboard::client::ApiClient::Connectivity state);
    //! The token store could not keep the refresh token (the session works for this run only).
    void tokenStoreFailed(const corkboard::client::ApiError &error);
    //! Observability for tests and diagnostics: one per refresh request put on the wire.
    void refreshStarted();
    //! The server's certificate was refused by the pins (untrusted, or changed since it was
    //! pinned): the window asks the person to review it (the request failed with `error`).
    void certificateRefused(const corkboard::client::ApiError &error);

private:
    struct Call;
    using RefreshWaiter = std::function<void(const std::optional<ApiError> &)>;

    void start(const std::shared_ptr<Call> &call);
    void dispatch(const std::shared_ptr<Call> &call);
    void onReplyFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    bool retryLater(const std::shared_ptr<Call> &call, int retryAfterMs);
    void finish(const std::shared_ptr<Call> &call, ApiResult<ApiResponse> result);
    bool accessTokenUsable() const;
    void whenRefreshed(RefreshWaiter waiter);
    void completeRefresh(const std::optional<ApiError> &error);
    void endSession(const ApiError &reason);
    void setConnectivity(Connectivity state);
    QNetworkRequest streamedRequest(const QString &target,
        const QList<QPair<QByteArray, QByteArray>> &headers, bool authenticated) const;
    void watchCertificate(QNetworkReply *reply);
    TokenKey tokenKey() const
    {
        return {m_serverUrl.toString(QUrl::StripTrailingSlash), m_accountId};
    }

    QUrl m_serverUrl;
    std::shared_ptr<TokenStore> m_store;
    Options m_options;
    QNetworkAccessManager *m_nam = nullptr;
    std::shared_ptr<ServerTrust> m_trust;
    std::vector<std::weak_ptr<Call>> m_inflight; //!< finished as cancelled when the client goes
    Connectivity m_connectivity = Connectivity::Online;
    QString m_accountId;
    QString m_accessToken;
    QDateTime m_accessExpiry;
    QString m_refreshToken;
    struct KeptResponse
    {
        QByteArray etag; //!< as the server sent it (quoted)
        QByteArray body;
    };
    QHash<QString, KeptResponse> m_kept; //!< conditional GETs, by account + URL (a few boards)
    bool m_refreshing = false;
    QList<RefreshWaiter> m_refreshWaiters;
};

} // namespace corkboard::client

Q_DECLARE_METATYPE(corkboard::client::ApiError)
