#pragma once

#include "server/http/request.h"
#include "server/http/response.h"
#include "server/http/stream_dispatcher.h"
#include "shared/error_code.h"

#include <functional>

namespace corkboard {

class Router;
class RateLimiter;
class Metrics;
struct Config;
struct RouteOptions;

//! The auth hook: establishes the Principal for routes that need one, or throws AppError.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    virtual Principal authenticate(const Request &request) = 0;
};

//! The middleware chain, in the documented order: request id → access log → CORS → rate limit →
//! body limits → auth → handler → error mapping, plus security headers on every response.
class Pipeline : public StreamDispatcher
{
public:
    Pipeline(
        const Config &config, const Router &router, RateLimiter &rateLimiter, Metrics &metrics);

    void setAuthenticator(Authenticator *authenticator) { m_authenticator = authenticator; }
    Response handle(Request &request);

    bool wantsStream(const QByteArray &method, const QByteArray &target,
        const QByteArray &contentType) const override;
    std::optional<Response> beginStream(Request &request) override;
    Response finishStream(Request &request) override;

    //! Encodes a problem response for an error code (used by the connection guard too).
    static Response problem(ErrorCode code, const QString &detail, const QString &requestId);
    //! A valid X-Request-Id (≤ 64 of [A-Za-z0-9._-]) or a new one.
    static QString requestIdFor(const QByteArray &incoming);
    //! Adds the security headers (and no-store on API paths); HSTS when the client reached us
    //! over HTTPS (directly, or through a trusted proxy that says so).
    static void addSecurityHeaders(Response &response, const QString &path, bool secure = false);

    //! Behind a trusted proxy (CORKBOARD_TRUSTED_PROXIES): the client from X-Forwarded-For and
    //! the scheme from X-Forwarded-Proto; from any other peer those headers are ignored.
    void resolveClient(Request &request) const;

private:
    bool isTrustedProxy(const QHostAddress &peer) const;
    //! Whole: an ordinary request. StreamBegin: everything up to the route's prepareUpload (a
    //! status-0 response means "go on"). StreamFinish: the handler of a streamed request that
    //! passed StreamBegin (no second rate-limit token, auth kept from the first phase).
    enum class Phase
    {
        Whole,
        StreamBegin,
        StreamFinish
    };
    Response dispatch(Request &request, Phase phase);
    //! The route's Principal: from its signed URL (RouteOptions::signedAccess) or the auth hook.
    void authenticate(Request &request, const RouteOptions &opts) const;
    Response run(Request &request, Phase phase);
    bool applyCors(const Request &request, Response &response, bool *preflightDone);

    const Config &m_config;
    const Router &m_router;
    RateLimiter &m_rateLimiter;
    Metrics &m_metrics;
    Authenticator *m_authenticator = nullptr;
};

//! Maps an exception thrown anywhere below the pipeline to a problem response (the one place).
Response mapException(std::exception_ptr error, const QString &requestId);

} // namespace corkboard
