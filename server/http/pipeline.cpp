#include "server/http/pipeline.h"

#include "server/http/connection_guard.h"
#include "server/http/connection_limits.h"
#include "server/http/metrics.h"
#include "server/http/rate_limiter.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/log.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace corkboard {

Pipeline::Pipeline(
    const Config &config, const Router &router, RateLimiter &rateLimiter, Metrics &metrics)
    : m_config(config)
    , m_router(router)
    , m_rateLimiter(rateLimiter)
    , m_metrics(metrics)
{
}

QString Pipeline::requestIdFor(const QByteArray &incoming)
{
    bool valid = !incoming.isEmpty() && incoming.size() <= 64;
    for (const char c : incoming) {
        if (!valid)
            break;
        valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-';
    }
    if (valid)
        return QString::fromLatin1(incoming);
    // Unique, not secret: a random prefix per thread and a counter (a getrandom(2) per request
    // was measurable on /health).
    // 24 hex digits: the prefix's 16, then the counter's 8, written into one string.
    thread_local const QString prefix = QString::fromLatin1(crypto::randomBytes(8).toHex());
    thread_local quint32 counter = 0;
    const quint32 n = ++counter;
    static constexpr char kHex[] = "0123456789abcdef";
    QString id(prefix.size() + 8, Qt::Uninitialized);
    QChar *out = id.data();
    std::copy(prefix.cbegin(), prefix.cend(), out);
    out += prefix.size();
    for (int shift = 28; shift >= 0; shift -= 4)
        *out++ = QLatin1Char(kHex[(n >> shift) & 0xf]);
    return id;
}

QString Pipeline::rateKeyFor(const QHostAddress &peer)
{
    return QStringLiteral("ip:") + ConnectionLimiter::addressKey(peer);
}

Response Pipeline::problem(ErrorCode code, const QString &detail, const QString &requestId)
{
    Problem p;
    p.status = httpStatusFor(code);
    p.code = code;
    p.detail = detail;
    p.requestId = requestId;
    Response r = Response::json(p.status, p.toJson());
    r.contentType = QByteArrayLiteral("application/problem+json");
    if (code == ErrorCode::Unauthenticated || code == ErrorCode::TokenExpired)
        r.withHeader("WWW-Authenticate", "Bearer");
    return r;
}

Response mapException(std::exception_ptr error, const QString &requestId)
{
    try {
        std::rethrow_exception(error);
    } catch (const AppError &e) {
        Problem p;
        p.status = httpStatusFor(e.code());
        p.code = e.code();
        p.detail = e.detail();
        p.requestId = requestId;
        p.errors = e.fieldErrors();
        p.extra = e.extra();
        Response r = Response::json(p.status, p.toJson());
        r.contentType = QByteArrayLiteral("application/problem+json");
        if (e.code() == ErrorCode::Unauthenticated || e.code() == ErrorCode::TokenExpired
            || e.code() == ErrorCode::InvalidCredentials) {
            r.withHeader("WWW-Authenticate", "Bearer");
        }
        if (e.retryAfterSeconds() > 0)
            r.withHeader("Retry-After", QByteArray::number(e.retryAfterSeconds()));
        if (e.code() == ErrorCode::Internal) {
            logging::write(lcHttp(), QtCriticalMsg, QStringLiteral("internal error"),
                {{QStringLiteral("error"), e.detail()}});
        }
        return r;
    } catch (const std::exception &e) {
        logging::write(lcHttp(), QtCriticalMsg, QStringLiteral("unhandled exception"),
            {{QStringLiteral("error"), QString::fromLocal8Bit(e.what())}});
    } catch (...) {
        logging::write(lcHttp(), QtCriticalMsg, QStringLiteral("unhandled non-standard exception"));
    }
    return Pipeline::problem(
        ErrorCode::Internal, QStringLiteral("something went wrong on the server"), requestId);
}

void Pipeline::addSecurityHeaders(Response &response, const QString &path, bool secure)
{
    // Literals: on every response, and a QByteArrayLiteral allocates nothing.
    response.headers.reserve(response.headers.size() + 6);
    if (secure) { // a year; no includeSubDomains: the name may serve other things on other ports
        response.withHeader(
            QByteArrayLiteral("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000"));
    }
    response.withHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.withHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    response.withHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    response.withHeader(QByteArrayLiteral("Content-Security-Policy"),
        QByteArrayLiteral("default-src 'none'; frame-ancestors 'none'"));
    if (path.startsWith(QLatin1String("/api/")) && response.header("Cache-Control").isEmpty())
        response.withHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
}

bool Pipeline::applyCors(const Request &request, Response &response, bool *preflightDone)
{
    *preflightDone = false;
    const QByteArray origin = request.header("Origin");
    if (origin.isEmpty())
        return true;
    if (!m_config.corsOrigins.contains(QString::fromUtf8(origin))) {
        logging::write(lcSecurity(), QtWarningMsg, QStringLiteral("request from a refused origin"),
            {{QStringLiteral("origin"), QString::fromUtf8(origin.left(200))}});
        response = problem(
            ErrorCode::Forbidden, QStringLiteral("this origin is not allowed"), request.requestId);
        return false;
    }
    if (request.method == "OPTIONS" && request.hasHeader("Access-Control-Request-Method")) {
        response = Response::noContent();
        response.withHeader(
            "Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        response.withHeader("Access-Control-Allow-Headers",
            "Authorization, Content-Type, If-Match, Idempotency-Key, X-Request-Id, Last-Event-ID");
        response.withHeader("Access-Control-Max-Age", "600");
        *preflightDone = true;
    }
    response.withHeader("Access-Control-Allow-Origin", origin);
    response.withHeader("Vary", "Origin");
    response.withHeader(
        "Access-Control-Expose-Headers", "ETag, X-Request-Id, Retry-After, Location");
    return true;
}

Response Pipeline::dispatch(Request &request, Phase phase, Deferral *defer)
{
    // CORS decides first: a refused origin learns nothing else.
    Response corsHeaders;
    bool preflight = false;
    if (!applyCors(request, corsHeaders, &preflight))
        return corsHeaders;
    auto withCors = [&corsHeaders](Response r) {
        for (const auto &h : std::as_const(corsHeaders.headers))
            r.headers.append(h);
        return r;
    };
    if (preflight)
        return corsHeaders;

    const auto limit = phase == Phase::StreamFinish
        ? RateLimiter::Decision {true, 0}
        : m_rateLimiter.take(
            !request.transportKey.isEmpty() && request.peer == request.transportPeer
                ? request.transportKey
                : RateKey(rateKeyFor(request.peer)));
    if (!limit.allowed) {
        logging::write(lcSecurity(), QtWarningMsg, QStringLiteral("rate limit reached"),
            {{QStringLiteral("peer"), request.peer.toString()}});
        return withCors(
            mapException(std::make_exception_ptr(AppError(
                             ErrorCode::RateLimited, QStringLiteral("too many requests, slow down"))
                                                     .withRetryAfter(limit.retryAfterSeconds)),
                request.requestId));
    }

    const auto match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (match.allowed.isEmpty())
            return withCors(problem(
                ErrorCode::NotFound, QStringLiteral("no such resource"), request.requestId));
        const QByteArray allow = match.allowed.join(", ");
        if (request.method == "OPTIONS") {
            Response r = Response::noContent();
            r.withHeader("Allow", allow);
            return withCors(r);
        }
        Response r = problem(ErrorCode::MethodNotAllowed,
            QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(request.method)),
            request.requestId);
        r.withHeader("Allow", allow);
        return withCors(r);
    }
    request.pathParams = match.params;
    request.routePattern = match.route->pattern;
    request.routeId = match.route;
    const RouteOptions &opts = match.route->options;

    try {
        if (phase == Phase::StreamFinish) {
            Response response = match.route->handler(request);
            return withCors(std::move(response));
        }
        if (phase == Phase::StreamBegin) {
            if (!opts.prepareUpload)
                throw AppError(ErrorCode::UnsupportedMediaType,
                    QStringLiteral("this route takes no streamed body"));
            authenticate(request, opts);
            request.uploadTarget = std::make_shared<UploadTarget>(opts.prepareUpload(request));
            Response proceed;
            proceed.status = 0;
            return proceed;
        }
        // Body limits and media type.
        const qint64 maxBody = opts.maxBodyBytes >= 0 ? opts.maxBodyBytes : m_config.maxBodyBytes;
        if (request.body.size() > maxBody)
            throw AppError(ErrorCode::PayloadTooLarge,
                QStringLiteral("the request body is larger than %1 bytes").arg(maxBody));
        const QByteArray contentType
            = request.header("Content-Type").split(';').first().trimmed().toLower();
        if (opts.body == BodyKind::None) {
            if (!request.body.isEmpty())
                throw AppError(ErrorCode::UnsupportedMediaType,
                    QStringLiteral("this route takes no request body"));
        } else if (!request.body.isEmpty() || opts.body == BodyKind::Json) {
            if (contentType != "application/json")
                throw AppError(ErrorCode::UnsupportedMediaType,
                    QStringLiteral("send the body as application/json"));
            QJsonParseError err {};
            const auto doc = QJsonDocument::fromJson(request.body, &err);
            if (err.error != QJsonParseError::NoError)
                throw AppError(ErrorCode::MalformedRequest,
                    QStringLiteral("the body is not valid JSON: %1").arg(err.errorString()));
            if (!doc.isObject())
                throw AppError(
                    ErrorCode::MalformedRequest, QStringLiteral("the body must be a JSON object"));
            request.json = doc.object();
        }
        authenticate(request, opts);
        if (defer && m_lane && opts.writeLane) {
            auto job = std::make_shared<Request>(request);
            job->socket = nullptr; // the lane's thread never touches the connection
            job->guard = nullptr;
            m_lane->submit(job, m_laneContext,
                [this, job, cors = corsHeaders.headers, answer = defer->answer,
                    timer = defer->started](Response r) {
                    for (const auto &h : cors)
                        r.headers.append(h);
                    logging::setCurrentRequestId(job->requestId);
                    finish(*job, r, timer);
                    logging::setCurrentRequestId(QString());
                    answer(*job, std::move(r));
                });
            defer->deferred = true;
            return Response();
        }
        Response response = match.route->handler(request);
        // Only a stream that really took the connection over leaves the guard's timers.
        if (opts.streaming && response.takenOver && request.guard)
            request.guard->exemptFromTimeouts();
        return withCors(std::move(response));
    } catch (...) {
        return withCors(mapException(std::current_exception(), request.requestId));
    }
}

void Pipeline::authenticate(Request &request, const RouteOptions &opts) const
{
    if (!opts.auth)
        return;
    if (opts.signedAccess && !request.hasHeader("Authorization")
        && request.query.hasQueryItem(QStringLiteral("sig"))) {
        request.principal = opts.signedAccess(request);
        return;
    }
    if (!m_authenticator)
        throw AppError(ErrorCode::Unauthenticated, QStringLiteral("sign in first"));
    request.principal = m_authenticator->authenticate(request);
}

bool Pipeline::isTrustedProxy(const QHostAddress &peer) const
{
    bool v4 = false;
    const quint32 ip = peer.toIPv4Address(&v4); // IPv4-mapped IPv6 as IPv4
    const QHostAddress address = v4 ? QHostAddress(ip) : peer;
    for (const auto &subnet : m_config.trustedProxies) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

void Pipeline::resolveClient(Request &request) const
{
    if (request.transportPeer.isNull())
        request.transportPeer = request.peer;
    if (m_config.trustedProxies.isEmpty() || !isTrustedProxy(request.transportPeer))
        return; // from anyone else the headers are the client's own words: ignored
    // "client, proxy1, proxy2": read from the right, past our own proxies; the first address
    // that is not one of them is the client (what is left of it could be forged by the client).
    QList<QByteArray> hops;
    for (const auto &h : std::as_const(request.headers)) {
        if (h.first.compare("X-Forwarded-For", Qt::CaseInsensitive) == 0)
            hops += h.second.split(',');
    }
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        QByteArray hop = hops.at(i).trimmed();
        if (hop.startsWith('[') && hop.contains(']'))
            hop = hop.mid(1, hop.indexOf(']') - 1); // "[v6]:port"
        else if (hop.count(':') == 1)
            hop = hop.left(hop.indexOf(':')); // "v4:port"
        const QHostAddress address(QString::fromLatin1(hop));
        if (address.isNull())
            break; // garbage: keep the last address we could read
        request.peer = address;
        if (!isTrustedProxy(address))
            break;
    }
    // The proxy nearest to us says how the client reached it.
    QByteArray proto;
    for (const auto &h : std::as_const(request.headers)) {
        if (h.first.compare("X-Forwarded-Proto", Qt::CaseInsensitive) == 0)
            proto = h.second.split(',').last().trimmed().toLower();
    }
    if (proto == "https")
        request.secure = true;
    else if (proto == "http")
        request.secure = false;
}

bool Pipeline::wantsStream(
    const QByteArray &method, const QByteArray &target, const QByteArray &contentType) const
{
    if (!m_router.streamsFor(method))
        return false; // no upload route answers this method: nothing to decode or match
    const qsizetype q = target.indexOf('?');
    const QString path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    const auto match = m_router.match(method, path);
    return match.route && match.route->options.streamBody && match.route->options.prepareUpload
        && match.route->options.streamBody(contentType.split(';').first().trimmed().toLower());
}

std::optional<Response> Pipeline::beginStream(Request &request)
{
    Response r = run(request, Phase::StreamBegin);
    if (r.status == 0)
        return std::nullopt;
    return r;
}

Response Pipeline::finishStream(Request &request)
{
    return run(request, Phase::StreamFinish);
}

Response Pipeline::handle(Request &request)
{
    return run(request, Phase::Whole);
}

void Pipeline::finish(const Request &request, Response &response, const QElapsedTimer &timer)
{
    if (!response.takenOver) {
        response.withHeader(QByteArrayLiteral("X-Request-Id"), request.requestId.toLatin1());
        addSecurityHeaders(response, request.path, request.secure);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const QString route
        = request.routePattern.isEmpty() ? QStringLiteral("unmatched") : request.routePattern;
    m_metrics.recordRequest(request.method, route, response.takenOver ? 101 : response.status,
        seconds, request.routeId);
    // Checked here, not only inside write(): the fields below allocate a QJsonObject per request
    // even when the line is then dropped (CORKBOARD_LOG_LEVEL=warning).
    if (lcAccess().isInfoEnabled()) {
        QJsonObject fields {{QStringLiteral("method"), QString::fromLatin1(request.method)},
            {QStringLiteral("path"), request.path}, {QStringLiteral("route"), route},
            {QStringLiteral("status"), response.takenOver ? 101 : response.status},
            {QStringLiteral("duration_ms"), seconds * 1000.0},
            {QStringLiteral("bytes"), response.file ? response.fileLength : response.body.size()},
            {QStringLiteral("peer"), request.peer.toString()}};
        if (request.transportPeer != request.peer) // behind a trusted proxy: which one
            fields.insert(QStringLiteral("proxy"), request.transportPeer.toString());
        logging::write(lcAccess(), QtInfoMsg, QStringLiteral("request"), fields);
    }
}

std::optional<Response> Pipeline::handleOrDefer(Request &request, const Answer &later)
{
    Deferral defer {later, QElapsedTimer()};
    Response response = run(request, Phase::Whole, &defer);
    if (defer.deferred)
        return std::nullopt;
    return response;
}

Response Pipeline::run(Request &request, Phase phase, Deferral *defer)
{
    QElapsedTimer timer;
    timer.start();
    if (defer)
        defer->started = timer;
    if (phase != Phase::StreamFinish) {
        resolveClient(request);
        request.requestId = requestIdFor(request.header("X-Request-Id"));
    }
    logging::setCurrentRequestId(request.requestId);

    Response response;
    try {
        response = dispatch(request, phase, defer);
    } catch (...) {
        response = mapException(std::current_exception(), request.requestId);
    }
    if (defer && defer->deferred) {
        logging::setCurrentRequestId(QString());
        return response; // finished when the lane answers
    }
    if (phase == Phase::StreamBegin && response.status == 0) {
        logging::setCurrentRequestId(QString());
        return response; // the body comes next; the request is logged when it is answered
    }
    finish(request, response, timer);
    logging::setCurrentRequestId(QString());
    return response;
}

} // namespace corkboard
