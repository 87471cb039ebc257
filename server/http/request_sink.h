#pragma once

namespace corkboard {

struct Request;

//! Where the connection guard hands a request it framed completely itself (head and body in one
//! read, on a connection with nothing else in flight): the server runs the pipeline and writes
//! the answer on the socket, as it does for what QtHttpServer parsed. Implemented by HttpServer.
class RequestSink
{
public:
    virtual ~RequestSink() = default;
    //! Runs `request` (request.socket and request.guard set) and answers it.
    virtual void serve(Request &request) = 0;
};

} // namespace corkboard
