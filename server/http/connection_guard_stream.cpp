// The streamed-upload half of the connection guard: an upload route's body goes from the socket
// straight to an UploadStream (a temp file, hashed as it grows), never through QtHttpServer,
// which would buffer all of it. The guard's limits (body deadline, minimum rate) keep applying
// through armTimer().
#include "server/http/connection_guard.h"

#include "server/http/socket_send.h"
#include "server/http/stream_dispatcher.h"
#include "server/http/upload_stream.h"
#include "server/platform/log.h"

#include <QTcpSocket>

#include <algorithm>

namespace corkboard {

namespace {
constexpr qint64 kStreamReadBuffer = 1024 * 1024;
} // namespace

void ConnectionGuard::startStream()
{
    m_takeoverPending = false;
    // From here the connection is the guard's: QtHttpServer never sees this request's body (it
    // would buffer all of it). What it read of the head inside its transaction is dropped, and
    // its readyRead slot goes; the connection closes after the answer.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServerRead);
    // Backpressure: Qt reads from the kernel only while its buffer has room, so a client that
    // sends faster than the disk and the hash take it waits in TCP flow control instead of
    // growing the server's memory (an unlimited buffer took RSS to 90 MB on a loaded machine).
    m_socket->setReadBufferSize(kStreamReadBuffer);
    m_socket->read(std::min(m_takeoverSkip, m_socket->bytesAvailable())); // the head
    m_unconsumed = 0;
    if (m_headsThisRead > 1 || m_bodyThisRead) {
        // A request before this one in the same read has not been answered yet; answering the
        // upload first would reorder the answers.
        m_streamRequest.reset();
        refuse(ErrorCode::MalformedRequest,
            QStringLiteral("an upload may not be pipelined behind other requests"));
        return;
    }
    Request &request = *m_streamRequest;
    request.peer = m_socket->peerAddress();
    request.transportPeer = request.peer;
    request.secure = isEncrypted();
    request.socket = m_socket;
    request.guard = this;
    if (const auto refusal = m_streams->beginStream(request)) {
        m_streamRequest.reset();
        answerAndClose(*refusal);
        return;
    }
    QString error;
    m_upload = UploadStream::open(*request.uploadTarget, &error);
    if (!m_upload) {
        logging::write(lcHttp(), QtCriticalMsg, QStringLiteral("upload target unusable"),
            {{QStringLiteral("error"), error}});
        UploadResult failed;
        failed.error = error;
        request.upload = &failed;
        m_streams->finishStream(request);
        request.upload = nullptr;
        refuse(ErrorCode::Internal, QStringLiteral("the server could not store the upload"));
        return;
    }
    if (m_expectContinue && m_bodyRemaining > 0)
        sendFramed(*m_socket, QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    connect(m_socket, &QAbstractSocket::disconnected, this, &ConnectionGuard::abortStream);
    pumpStream();
}

void ConnectionGuard::pumpStream()
{
    constexpr qint64 kPiece = 256 * 1024;
    while (m_state == State::Streaming && m_bodyRemaining > 0 && m_socket) {
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            break;
        const QByteArray piece = m_socket->read(std::min({available, m_bodyRemaining, kPiece}));
        if (piece.isEmpty())
            break;
        m_bodyRemaining -= piece.size();
        m_bodyReceived += piece.size();
        m_bodyLastMs = m_clock.elapsed();
        if (!m_upload->write(piece)) {
            const UploadResult refused = m_upload->result();
            abortStream();
            refuse(refused.errorCode, refused.error);
            return;
        }
    }
    if (m_state != State::Streaming)
        return;
    if (m_bodyRemaining == 0)
        completeStream();
    else
        armTimer();
}

void ConnectionGuard::completeStream()
{
    clearDeadline();
    const UploadResult &result = m_upload->finish(true);
    if (!result.complete) {
        const UploadResult refused = result;
        abortStream();
        refuse(refused.errorCode, refused.error);
        return;
    }
    Request &request = *m_streamRequest;
    request.upload = &result;
    const Response response = m_streams->finishStream(request);
    m_upload.reset();
    m_streamRequest.reset();
    answerAndClose(response);
}

void ConnectionGuard::abortStream()
{
    if (!m_upload || !m_streamRequest)
        return;
    const UploadResult &result = m_upload->finish(false);
    m_streamRequest->upload = &result;
    m_streams->finishStream(*m_streamRequest); // nobody reads this answer
    m_upload.reset();
    m_streamRequest.reset();
}

} // namespace corkboard
