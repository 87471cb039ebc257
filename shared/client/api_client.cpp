#include "shared/client/api_client.h"

#include "shared/client/client_log.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

namespace corkboard::client {

struct ApiClient::Call
{
    ApiRequest request;
    SharedPromise<ApiResult<ApiResponse>> promise;
    QByteArray requestId;
    QByteArray idempotencyKey;
    int retries = 0;
    bool retriedAfterRefresh = false;
    QString tokenUsed;
    bool timedOut = false;
    bool tlsFailed = false;
    bool encrypted = false; //!< the TLS handshake of this attempt completed
    std::optional<ServerTrust::Verdict> tlsVerdict; //!< why the certificate was refused
    QString keptKey; //!< conditional GET: account + URL
    QByteArray keptBody; //!< the copy If-None-Match refers to (empty: none sent)
};

namespace {

bool isRetryableMethod(const ApiRequest &r, const QByteArray &idempotencyKey)
{
    const QByteArray m = r.method.toUpper();
    if (m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "OPTIONS")
        return true;
    return m == "POST" && !idempotencyKey.isEmpty();
}

QByteArray newRequestId()
{
    return "c-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

ApiError problemFromReply(int status, const QByteArray &body, const QByteArray &requestIdHeader)
{
    Problem p;
    ApiError e;
    if (Problem::fromJson(body, p)) {
        e = ApiError::fromProblem(p);
        e.status = status;
    } else {
        // Not our problem document (a proxy, or a foreign server): classify by status only.
        e.kind = ApiError::Kind::Http;
        e.status = status;
    }
    if (e.requestId.isEmpty())
        e.requestId = QString::fromLatin1(requestIdHeader);
    return e;
}

int retryAfterMs(QNetworkReply *reply)
{
    bool ok = false;
    const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds * 1000 : -1;
}

} // namespace

ApiRequest ApiRequest::get(const QString &path, QUrlQuery query)
{
    ApiRequest r;
    r.path = path;
    r.query = std::move(query);
    return r;
}

ApiRequest ApiRequest::json(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    ApiRequest r;
    r.method = method;
    r.path = path;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

ApiRequest ApiRequest::create(const QString &path, const QJsonObject &body)
{
    ApiRequest r = json("POST", path, body);
    r.idempotencyKey = true;
    return r;
}

ApiRequest ApiRequest::del(const QString &path)
{
    ApiRequest r;
    r.method = "DELETE";
    r.path = path;
    return r;
}

QJsonObject ApiResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonValue ApiResponse::data() const
{
    return json().value(QStringLiteral("data"));
}

QString ApiResponse::nextCursor() const
{
    return json().value(QStringLiteral("next_cursor")).toString();
}

std::optional<SessionTokens> SessionTokens::fromJson(const QJsonObject &tokens)
{
    SessionTokens t;
    t.accessToken = tokens.value(QStringLiteral("access_token")).toString();
    t.expiresIn = tokens.value(QStringLiteral("expires_in")).toInteger();
    t.refreshToken = tokens.value(QStringLiteral("refresh_token")).toString();
    if (t.accessToken.isEmpty() || t.refreshToken.isEmpty() || t.expiresIn <= 0)
        return std::nullopt;
    return t;
}

ApiClient::ApiClient(QUrl serverUrl, std::shared_ptr<TokenStore> store, QObject *parent)
    : ApiClient(std::move(serverUrl), std::move(store), Options {}, parent)
{
}

ApiClient::ApiClient(
    QUrl serverUrl, std::shared_ptr<TokenStore> store, Options options, QObject *parent)
    : QObject(parent)
    , m_serverUrl(std::move(serverUrl))
    , m_store(std::move(store))
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
    , m_trust(std::make_shared<ServerTrust>())
{
    qRegisterMetaType<ApiError>();
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    // Qt 6.4's QFuture::then(context, …) asserts when its context is gone by the time the future
    // finishes. Finish every call still in flight now, while this object (the context of the
    // continuations) is alive, and run the continuations they queue on it before it goes.
    const ApiError closed
        = ApiError::transport(ApiError::Kind::Network, QStringLiteral("the client was closed"));
    for (const auto &weak : std::as_const(m_inflight)) {
        if (const auto call = weak.lock(); call && !call->promise.isFinished())
            call->promise.finish(closed);
    }
    m_inflight.clear();
    for (int round = 0; round < 8; ++round)
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

QUrl ApiClient::liveUrl() const
{
    QUrl url = m_serverUrl;
    url.setScheme(m_serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                 : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws"));
    return url;
}

namespace {
constexpr qsizetype kMaxKeptResponses = 16;
} // namespace

QFuture<ApiResult<ApiResponse>> ApiClient::send(ApiRequest request)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->requestId = newRequestId();
    if (call->request.idempotencyKey)
        call->idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    auto future = call->promise.future();
    std::erase_if(m_inflight, [](const std::weak_ptr<Call> &w) { return w.expired(); });
    m_inflight.push_back(call);
    start(call);
    return future;
}

bool ApiClient::accessTokenUsable() const
{
    if (m_accessToken.isEmpty())
        return false;
    return !m_accessExpiry.isValid()
        || m_options.now().addMSecs(m_options.refreshLeewayMs) < m_accessExpiry;
}

void ApiClient::start(const std::shared_ptr<Call> &call)
{
    if (!call->request.authenticated || accessTokenUsable()) {
        dispatch(call);
        return;
    }
    // No usable access token: refresh first (shared with every other call waiting for one).
    whenRefreshed([this, call](const std::optional<ApiError> &error) {
        if (error)
            finish(call, *error);
        else
            dispatch(call);
    });
}

QString ApiClient::userAgent()
{
    return QStringLiteral("Corkboard/%1 (%2)")
        .arg(QStringLiteral(CORKBOARD_VERSION), QSysInfo::prettyProductName());
}

void ApiClient::dispatch(const std::shared_ptr<Call> &call)
{
    QUrl url = m_serverUrl;
    QString basePath = m_serverUrl.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + call->request.path);
    if (!call->request.query.isEmpty())
        url.setQuery(call->request.query);
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    req.setRawHeader("Accept", "application/json, application/problem+json");
    req.setRawHeader("X-Request-Id", call->requestId);
    if (!call->request.body.isEmpty())
        req.setRawHeader("Content-Type", "application/json");
    if (!call->idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", call->idempotencyKey);
    if (!call->request.ifMatch.isEmpty())
        req.setRawHeader("If-Match", '"' + call->request.ifMatch + '"');
    call->keptBody.clear();
    if (call->request.conditional) {
        call->keptKey = QString(m_accountId + QLatin1Char(' ') + url.toString());
        const auto kept = m_kept.constFind(call->keptKey);
        if (kept != m_kept.constEnd()) {
            req.setRawHeader("If-None-Match", kept->etag);
            call->keptBody = kept->body;
        }
    }
    call->tokenUsed.clear();
    if (call->request.authenticated) {
        call->tokenUsed = m_accessToken;
        req.setRawHeader("Authorization", "Bearer " + m_accessToken.toLatin1());
    }
    call->timedOut = false;
    call->tlsFailed = false;
    call->encrypted = false;
    call->tlsVerdict.reset();

    QNetworkReply *reply = call->request.body.isEmpty() && call->request.method != "POST"
        ? m_nam->sendCustomRequest(req, call->request.method)
        : m_nam->sendCustomRequest(req, call->request.method, call->request.body);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [call, reply] {
        call->timedOut = true;
        reply->abort();
    });
    timer->start(m_options.timeoutMs);
    connect(reply, &QNetworkReply::encrypted, reply, [call] { call->encrypted = true; });
    // Only certificates the system does not accept get here: the pins decide (synchronously,
    // ignoreSslErrors only counts inside this slot).
    const std::shared_ptr<ServerTrust> trust = m_trust;
    const QUrl server = m_serverUrl;
    connect(reply, &QNetworkReply::sslErrors, reply,
        [call, reply, trust, server](const QList<QSslError> &errors) {
            const ServerTrust::Verdict verdict
                = trust->evaluate(server, reply->sslConfiguration().peerCertificate(), errors);
            if (verdict.accept) {
                reply->ignoreSslErrors(errors);
                return;
            }
            call->tlsFailed = true;
            call->tlsVerdict = verdict;
        });
    connect(reply, &QNetworkReply::finished, this,
        [this, call, reply] { onReplyFinished(call, reply); });
}

void ApiClient::onReplyFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();

    if (status == 0) {
        // No HTTP answer at all: timeout, TLS, or a network failure.
        ApiError error;
        if (call->timedOut) {
            error
                = ApiError::transport(ApiError::Kind::Timeout, QStringLiteral("no answer in time"));
            if (reply->url().scheme() == QLatin1String("https") && !call->encrypted)
                error.tlsProblem = ApiError::TlsProblem::HandshakeTimeout;
        } else if (call->tlsFailed || netError == QNetworkReply::SslHandshakeFailedError) {
            error = call->tlsVerdict
                ? ServerTrust::toError(*call->tlsVerdict)
                : ApiError::transport(ApiError::Kind::Tls, reply->errorString());
            if (error.tlsProblem == ApiError::TlsProblem::None)
                error.tlsProblem = ApiError::TlsProblem::Other;
            qCInfo(lcClientHttp) << call->request.method << call->request.path << error.logText();
            if (error.tlsProblem == ApiError::TlsProblem::Changed
                || error.tlsProblem == ApiError::TlsProblem::Untrusted)
                Q_EMIT certificateRefused(error);
            finish(call, error); // a certificate problem does not go away by retrying
            return;
        } else {
            error = ApiError::transport(ApiError::Kind::Network, reply->errorString());
        }
        qCInfo(lcClientHttp) << call->request.method << call->request.path << error.logText();
        if (retryLater(call, -1)) {
            setConnectivity(Connectivity::Reconnecting);
            return;
        }
        setConnectivity(Connectivity::Offline);
        finish(call, error);
        return;
    }

    setConnectivity(Connectivity::Online);
    const QByteArray body = reply->readAll();
    const QByteArray requestId = reply->rawHeader("X-Request-Id");
    if ((status >= 200 && status < 300) || (status == 304 && !call->keptBody.isEmpty())) {
        // 304 answers a conditional GET: the body is the copy its If-None-Match named.
        ApiResponse response;
        response.status = status == 304 ? 200 : status;
        response.notModified = status == 304;
        response.body = status == 304 ? call->keptBody : body;
        const QByteArray etag = reply->rawHeader("ETag");
        if (call->request.conditional && status == 200 && !etag.isEmpty()) {
            if (m_kept.size() >= kMaxKeptResponses && !m_kept.contains(call->keptKey))
                m_kept.clear();
            m_kept.insert(call->keptKey, {etag, body});
        }
        response.etag = etag;
        if (response.etag.size() >= 2 && response.etag.startsWith('"')
            && response.etag.endsWith('"'))
            response.etag = response.etag.mid(1, response.etag.size() - 2);
        response.requestId = QString::fromLatin1(requestId);
        finish(call, response);
        return;
    }

    ApiError error = problemFromReply(status, body, requestId);
    const int retryAfter = retryAfterMs(reply);
    if (retryAfter >= 0)
        error.retryAfterSeconds = retryAfter / 1000;
    qCInfo(lcClientHttp) << call->request.method << call->request.path << error.logText()
                         << "request_id" << error.requestId;

    if (status >= 500 && retryLater(call, retryAfter))
        return;

    if (status == 401 && error.is(ErrorCode::TokenExpired) && call->request.authenticated
        && !call->retriedAfterRefresh) {
        call->retriedAfterRefresh = true;
        if (!m_accessToken.isEmpty() && m_accessToken != call->tokenUsed && accessTokenUsable()) {
            dispatch(call); // another call refreshed while this one was in flight
            return;
        }
        m_accessToken.clear();
        whenRefreshed([this, call](const std::optional<ApiError> &refreshError) {
            if (refreshError)
                finish(call, *refreshError);
            else
                dispatch(call);
        });
        return;
    }
    finish(call, error);
}

bool ApiClient::retryLater(const std::shared_ptr<Call> &call, int retryAfter)
{
    if (!isRetryableMethod(call->request, call->idempotencyKey)
        || call->retries >= m_options.maxRetries)
        return false;
    ++call->retries;
    int delay = m_options.backoff(call->retries);
    if (retryAfter > 0)
        delay = std::max(delay, std::min(retryAfter, m_options.maxRetryAfterMs));
    qCDebug(lcClientHttp) << "retry" << call->retries << "of" << call->request.method
                          << call->request.path << "in" << delay << "ms";
    QTimer::singleShot(delay, this, [this, call] { start(call); });
    return true;
}

void ApiClient::finish(const std::shared_ptr<Call> &call, ApiResult<ApiResponse> result)
{
    call->promise.finish(std::move(result));
}

void ApiClient::setConnectivity(Connectivity state)
{
    if (m_connectivity == state)
        return;
    m_connectivity = state;
    Q_EMIT connectivityChanged(state);
}

} // namespace corkboard::client
