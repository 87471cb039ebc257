// The direct half of the connection guard: a plain request that arrived whole is built here (the
// guard framed it anyway) and handed to the request sink instead of being parsed again by
// QtHttpServer; and an answer the sink gives later (the write lane) holds the connection's next
// requests back until it is written, so they are answered in order.
#include "server/http/connection_guard.h"

#include "server/http/pipeline.h"
#include "server/http/request_sink.h"
#include "server/http/socket_send.h"

#include <QTcpSocket>

#include <algorithm>
#include <iterator>

namespace corkboard {

bool ConnectionGuard::serveDirect(const QByteArray &fresh)
{
    // The methods QtHttpServer 6.4 names (any other reaches the pipeline as "UNKNOWN" through it),
    // and origin-form targets only (http_parser splits an absolute form into scheme and host).
    static const QByteArray kMethods[]
        = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
    if (std::find(std::begin(kMethods), std::end(kMethods), m_lastMethod) == std::end(kMethods)
        || !m_lastTarget.startsWith('/') || m_lastTarget.contains('#')) {
        return false;
    }
    Request request;
    request.method = m_lastMethod;
    request.setTarget(m_lastTarget);
    request.headers = http::headerFields(m_streamHeadBlock);
    request.body = fresh.mid(m_lastBodyOffset, m_lastBodyLength);
    if (m_transportKey.isEmpty()) { // once per connection
        m_peer = m_socket->peerAddress();
        m_transportKey = RateKey(Pipeline::rateKeyFor(m_peer));
    }
    request.peer = m_peer;
    request.transportPeer = m_peer;
    request.transportKey = m_transportKey;
    request.secure = isEncrypted();
    request.socket = m_socket;
    request.guard = this;
    // Taken from the socket before QtHttpServer's readyRead slot runs (it finds nothing to
    // parse). A read transaction it left open holds nothing: its last request ended before this
    // one began.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(fresh.size());
    m_unconsumed = 0;
    const QPointer<ConnectionGuard> self(this);
    {
        // Nothing else is read from this connection before the thread's event loop turns again:
        // its answer may wait for the others of this turn (socket_send.h).
        const SendBatchScope batch;
        m_sink->serve(request);
    }
    if (!self || !m_socket)
        return true;
    if (m_state == State::Idle)
        armTimer();
    if (m_closeWhenIdle && isIdle())
        closeWhenIdle();
    return true;
}

void ConnectionGuard::awaitAnswer()
{
    m_awaiting = true;
    clearDeadline();
}

void ConnectionGuard::enqueue(Request request)
{
    m_queued.push_back(std::move(request));
}

void ConnectionGuard::answered()
{
    m_awaiting = false;
    const QPointer<ConnectionGuard> self(this);
    while (!m_awaiting && !m_queued.empty() && m_socket && m_sink) {
        Request next = std::move(m_queued.front());
        m_queued.erase(m_queued.begin());
        m_sink->serve(next);
        if (!self)
            return;
    }
    if (!m_socket || m_awaiting)
        return;
    if (m_state == State::Idle)
        armTimer();
    if (m_closeWhenIdle && isIdle())
        closeWhenIdle();
}

} // namespace corkboard
