#pragma once

#include "server/http/request.h"
#include "server/http/request_head.h"
#include "shared/error_code.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

#include <QTcpSocket>

namespace corkboard {

class RequestSink;
class StreamDispatcher;
class UploadStream;
struct Request;
struct Response;

//! Watches a socket's bytes before QtHttpServer buffers them: frames each request (request line,
//! headers, Content-Length body) and answers 400/405/408/411/413/431 itself, closing the
//! connection. It stays in charge of a connection until the live hub has really accepted a
//! WebSocket on it (or an SSE stream took it over), and it dies with its socket.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, GuardLimits limits);
    ~ConnectionGuard() override;

    //! The guard watching `socket`, null when none does.
    static ConnectionGuard *of(const QTcpSocket *socket);

    //! Connect after QtHttpServer has connected its own readyRead slot.
    void attachAfterServer();
    //! The socket is a QSslSocket on a TLS port, not yet encrypted: the guard waits for the
    //! client's first byte (a TLS handshake record starts the server handshake; anything else,
    //! such as plain HTTP, is answered 400 in plain text and closed), holds the handshake to the
    //! header deadline, and calls `onEncrypted` once the handshake is done (QtHttpServer may see
    //! the connection from then on).
    void expectTls(std::function<void()> onEncrypted);
    //! True once a TLS handshake has completed on this connection.
    bool isEncrypted() const;
    //! Runs when the guard dies with its socket (gives the connection's place back).
    void setOnClosed(std::function<void()> onClosed) { m_onClosed = std::move(onClosed); }
    //! SSE streams: no more scanning, no timers.
    void exemptFromTimeouts();
    //! The last head framed was a valid WebSocket handshake on the WebSocket path; until the
    //! hub accepts it the guard keeps a deadline on the connection.
    bool isUpgradePending() const { return m_state == State::UpgradePending; }
    //! The live hub accepted the WebSocket: its session owns the connection from here on, and
    //! the guard deletes itself (soon: deleteLater); the closing callback moves to the socket's
    //! destruction. Do not use the guard after this call.
    void handOverToWebSocket();
    bool isExempt() const { return m_state == State::Exempt; }
    bool isRefused() const { return m_state == State::Rejected; }
    //! True when no request is partly received (safe to close on shutdown).
    bool isIdle() const;
    //! Close as soon as the current request has been answered.
    void closeWhenIdle();
    //! Answers a problem response now and closes (a short lingering close, discarding what the
    //! peer still sends). For refusals decided elsewhere: the connection caps, an upgrade
    //! QtHttpServer did not take as one. `quiet`: no log line (the caller logs a summary).
    void refuse(
        ErrorCode code, const QString &detail, int retryAfterSeconds = 0, bool quiet = false);
    QTcpSocket *socket() const { return m_socket; }
    //! Upload routes: requests the dispatcher wants streamed are taken away from QtHttpServer
    //! once their head is framed; the guard runs them (prepare → body into a file while hashing
    //! → handler), answers with Connection: close and closes. Every body limit still applies.
    void setStreamDispatcher(StreamDispatcher *dispatcher) { m_streams = dispatcher; }
    //! Plain requests: one that arrives whole in a single read, on a connection with nothing else
    //! in flight, is parsed once (by the guard, which frames it anyway) and handed to `sink`
    //! instead of being parsed again by QtHttpServer. Anything else (pipelined or partial
    //! requests, upgrades, absolute-form targets, other methods) still goes through QtHttpServer.
    void setRequestSink(RequestSink *sink) { m_sink = sink; }
    //! The request just handed to the sink is answered later (the write lane): until answered(),
    //! nothing else on this connection is served, the connection is not idle and no keep-alive
    //! deadline runs.
    void awaitAnswer();
    bool isAwaitingAnswer() const { return m_awaiting; }
    //! A request that arrived while the connection awaits an answer: served after it, in order.
    void enqueue(Request request);
    //! The awaited answer was written: serves what queued up meanwhile.
    void answered();

Q_SIGNALS:
    void rejected(int status);

private:
    enum class State
    {
        TlsHandshake, //!< TLS port: before and during the handshake
        Idle,
        Headers,
        Body,
        UpgradePending,
        Exempt,
        Rejected,
        Streaming //!< an upload body, read by the guard itself into its file
    };

    void beforeServerRead();
    //! TlsHandshake state: looks at the first byte the client sent.
    void sniffTls();
    //! Sends the refusal `out` and closes after a short lingering (see refuse()).
    void sendAndLinger(const QByteArray &out);
    void sendPlainAndLinger(const QByteArray &out);
    void afterServerRead();
    //! Runs the one complete request `fresh` holds through the sink; false when it must go to
    //! QtHttpServer instead (nothing was consumed then).
    bool serveDirect(const QByteArray &fresh);
    void onTimeout();
    //! The guard's one deadline, `ms` from now. Moving it later leaves the timer as it is (it
    //! re-arms for the rest when it fires early): a keep-alive request costs no timer
    //! registration.
    void setDeadline(qint64 ms);
    void clearDeadline() { m_due = -1; }
    bool hasDeadline() const { return m_due >= 0; }
    void onTimerFired();
    //! Feeds new bytes; returns false once the connection was rejected.
    bool scan(const char *data, qsizetype size);
    bool acceptHead();
    void armTimer();
    //! When the body in progress breaks a rule (stall, rate, total), and which one.
    qint64 bodyDeadlineMs(QString *why) const;

    //! Streaming: takes the connection from QtHttpServer and runs the route's prepare step.
    void startStream();
    //! Streaming: moves what has arrived of the body into the upload file.
    void pumpStream();
    void completeStream();
    //! The body was cut off (peer gone, deadline) or refused: the handler still learns what was
    //! stored. Returns the refusal the stream reported (empty detail when none).
    void abortStream();
    //! Sends `response` (Connection: close) and closes after a short lingering.
    void answerAndClose(const Response &response);
    static QByteArray serialize(const Response &response);

    QPointer<QTcpSocket> m_socket;
    GuardLimits m_limits;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_due = -1; //!< the deadline (m_clock ms), -1: none
    qint64 m_timerDue = -1; //!< when m_timer fires (m_clock ms)
    bool m_lingering = false; //!< m_timer now closes a refused connection
    State m_state = State::Idle;
    QByteArray m_headerBlock;
    QByteArray m_streamHeadBlock; //!< the last head framed (a streamed request's headers)
    qint64 m_bodyRemaining = 0;
    qint64 m_bodyReceived = 0;
    qint64 m_bodyStartMs = 0;
    qint64 m_bodyLastMs = 0;
    qint64 m_unconsumed = 0;
    bool m_fresh = true; //!< nothing received yet on this connection
    bool m_closeWhenIdle = false;
    bool m_expectContinue = false; //!< the request just framed asked for "100 Continue"
    std::function<void()> m_onClosed;
    std::function<void()> m_onEncrypted;
    bool m_tlsStarted = false;
    // Streamed uploads.
    StreamDispatcher *m_streams = nullptr;
    std::unique_ptr<Request> m_streamRequest;
    std::unique_ptr<UploadStream> m_upload;
    bool m_takeoverPending = false;
    qint64 m_scanBase = 0; //!< unread socket bytes before the chunk being scanned
    qint64 m_takeoverSkip = 0; //!< unread socket bytes that belong to the streamed head
    int m_headsThisRead = 0;
    // The last plain request framed (serveDirect).
    RequestSink *m_sink = nullptr;
    QByteArray m_lastMethod;
    QByteArray m_lastTarget;
    qint64 m_lastBodyOffset = 0; //!< where its body starts in the chunk being scanned
    qint64 m_lastBodyLength = 0;
    bool m_bodyThisRead = false;
    QHostAddress m_peer; //!< set with the first request served directly
    RateKey m_transportKey;
    // The write lane: an answer is awaited, and the requests that arrived meanwhile.
    bool m_awaiting = false;
    std::vector<Request> m_queued; // not a deque: an empty one allocates (≈0.6 KiB a connection)
};

} // namespace corkboard
