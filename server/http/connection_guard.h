#pragma once

#include "shared/error_code.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

#include <QTcpSocket>

namespace corkboard {

//! Limits the guard enforces on one connection.
struct GuardLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int maxHeaderFields = 100;
    int headerTimeoutMs = 10000;
    int bodyStallTimeoutMs = 15000;
    int idleTimeoutMs = 60000;
    //! Per-route body limit (method, target) → bytes; empty: maxBodyBytes.
    std::function<qint64(const QByteArray &method, const QByteArray &target)> bodyLimitFor;
};

//! Watches a socket's bytes before QtHttpServer buffers them: frames each request (request line,
//! headers, Content-Length body) and answers 400/408/411/413/431 itself, closing the connection.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, GuardLimits limits);
    ~ConnectionGuard() override;

    //! Connect after QtHttpServer has connected its own readyRead slot.
    void attachAfterServer();
    //! SSE streams and accepted WebSockets: no more scanning, no timers.
    void exemptFromTimeouts();
    bool isExempt() const { return m_state == State::Exempt; }
    //! True when no request is partly received (safe to close on shutdown).
    bool isIdle() const;
    //! Close as soon as the current request has been answered.
    void closeWhenIdle();
    QTcpSocket *socket() const { return m_socket; }

Q_SIGNALS:
    void rejected(int status);

private:
    enum class State
    {
        Idle,
        Headers,
        Body,
        Exempt,
        Rejected
    };

    void beforeServerRead();
    void afterServerRead();
    void onTimeout();
    //! Feeds new bytes; returns false once the connection was rejected.
    bool scan(const char *data, qsizetype size);
    bool inspectHeaderBlock();
    void reject(ErrorCode code, const QString &detail);
    void armTimer();

    QPointer<QTcpSocket> m_socket;
    GuardLimits m_limits;
    QTimer m_timer;
    State m_state = State::Idle;
    QByteArray m_headerBlock;
    qint64 m_bodyRemaining = 0;
    qint64 m_unconsumed = 0;
    bool m_closeWhenIdle = false;
    bool m_expectContinue = false; //!< the request just framed asked for "100 Continue"
};

} // namespace corkboard
