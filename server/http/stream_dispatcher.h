#pragma once

#include "server/http/request.h"
#include "server/http/response.h"

#include <QByteArray>
#include <optional>

namespace corkboard {

//! How the connection guard runs a request whose body it streams itself (uploads): the
//! middleware and the route's prepare step before the body (refusals store nothing), the handler
//! after it. Implemented by the Pipeline.
class StreamDispatcher
{
public:
    virtual ~StreamDispatcher() = default;
    //! True when this request's body is to be streamed past QtHttpServer.
    virtual bool wantsStream(const QByteArray &method, const QByteArray &target,
        const QByteArray &contentType) const = 0;
    //! Before the body: a refusal, or nullopt with request.uploadTarget set.
    virtual std::optional<Response> beginStream(Request &request) = 0;
    //! After the body (request.upload set; also when it was cut off, whose response nobody reads).
    virtual Response finishStream(Request &request) = 0;
};

} // namespace corkboard
