#pragma once

#include "server/http/request.h"
#include "server/http/response.h"
#include "server/http/stream_dispatcher.h"
#include "shared/error_code.h"

#include <QElapsedTimer>

#include <functional>
#include <memory>
#include <optional>

class QObject;

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

//! Where write-lane routes run (RouteOptions::writeLane): another thread, with its own handlers
//! and connection. Implemented in server/host (RequestLane).
class WriteLane
{
public:
    virtual ~WriteLane() = default;
    //! Thread-safe. Runs the route's handler for `request` (authenticated, body parsed) on the
    //! lane; `done` gets its response on `context`'s thread, after the lane's transaction has
    //! committed (never, when `context` is gone by then).
    virtual void submit(
        std::shared_ptr<Request> request, QObject *context, std::function<void(Response)> done)
        = 0;
};

//! The middleware chain, in the documented order: request id → access log → CORS → rate limit →
//! body limits → auth → handler → error mapping, plus security headers on every response.
class Pipeline : public StreamDispatcher
{
public:
    Pipeline(
        const Config &config, const Router &router, RateLimiter &rateLimiter, Metrics &metrics);

    void setAuthenticator(Authenticator *authenticator) { m_authenticator = authenticator; }
    //! Write-lane routes go to `lane`; their answers come back through `context` (a QObject of
    //! this pipeline's thread).
    void setWriteLane(WriteLane *lane, QObject *context)
    {
        m_lane = lane;
        m_laneContext = context;
    }
    Response handle(Request &request);
    //! Called with the request (as the pipeline finished it) and its answer.
    using Answer = std::function<void(const Request &, Response)>;
    //! As handle(), but a write-lane route is handed to the lane: nothing is returned then, and
    //! `later` is called with the answer on this thread once the lane has committed it.
    std::optional<Response> handleOrDefer(Request &request, const Answer &later);

    bool wantsStream(const QByteArray &method, const QByteArray &target,
        const QByteArray &contentType) const override;
    std::optional<Response> beginStream(Request &request) override;
    Response finishStream(Request &request) override;

    //! Encodes a problem response for an error code (used by the connection guard too).
    static Response problem(ErrorCode code, const QString &detail, const QString &requestId);
    //! A valid X-Request-Id (≤ 64 of [A-Za-z0-9._-]) or a new one.
    static QString requestIdFor(const QByteArray &incoming);
    //! The per-address rate-limit bucket a peer's requests draw from.
    static QString rateKeyFor(const QHostAddress &peer);
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
    //! handleOrDefer's: where the answer goes, when the request began (for its metrics), and
    //! whether it was handed to the lane.
    struct Deferral
    {
        const Answer &answer;
        QElapsedTimer started;
        bool deferred = false;
    };
    Response dispatch(Request &request, Phase phase, Deferral *defer = nullptr);
    //! The route's Principal: from its signed URL (RouteOptions::signedAccess) or the auth hook.
    void authenticate(Request &request, const RouteOptions &opts) const;
    Response run(Request &request, Phase phase, Deferral *defer = nullptr);
    //! After the handler: request id and security headers, metrics, the access log line.
    void finish(const Request &request, Response &response, const QElapsedTimer &timer);
    bool applyCors(const Request &request, Response &response, bool *preflightDone);

    const Config &m_config;
    const Router &m_router;
    RateLimiter &m_rateLimiter;
    Metrics &m_metrics;
    Authenticator *m_authenticator = nullptr;
    WriteLane *m_lane = nullptr;
    QObject *m_laneContext = nullptr;
};

//! Maps an exception thrown anywhere below the pipeline to a problem response (the one place).
Response mapException(std::exception_ptr error, const QString &requestId);

} // namespace corkboard
