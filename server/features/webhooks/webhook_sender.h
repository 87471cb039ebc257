#pragma once

#include "server/features/webhooks/webhook_target_policy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <functional>

class QTcpSocket;
class QHostInfo;

namespace corkboard {

//! One outgoing webhook POST, asynchronous on the calling thread's event loop. It resolves the
//! host under a DNS deadline, refuses the delivery as a whole when any resolved address is one
//! the containment policy forbids, connects only to the vetted addresses (so a second DNS answer
//! cannot swap them: no rebinding), sends the signed body and reads the status line, all under
//! one overall deadline. The error users see in the delivery log is generic ("could not
//! connect", "timed out", "HTTP 500"); what went wrong in detail is for the worker's log only,
//! so the log cannot be used to scan a network.
class WebhookCall : public QObject
{
    Q_OBJECT
public:
    struct Delivery
    {
        QUrl url;
        QByteArray body;
        QByteArray secret;
        QString deliveryId;
        QString eventType;
        qint64 timestamp = 0; //!< Unix seconds, signed together with the body
    };
    struct Limits
    {
        int totalMs = 10000; //!< the whole call
        int dnsMs = 3000; //!< resolving the name
    };
    struct Result
    {
        int status = 0; //!< HTTP status, 0 when there was no answer
        QString error; //!< generic, shown to the board's owners; empty on 2xx
        QString detail; //!< for the worker's log (addresses, socket errors)
        bool retryable = true; //!< false: retrying cannot help (forbidden target, bad URL)
        qint64 durationMs = 0;
        bool ok() const { return status >= 200 && status < 300; }
    };
    using Done = std::function<void(const Result &result)>;

    WebhookCall(
        WebhookTargetPolicy policy, Limits limits, Delivery delivery, QObject *parent = nullptr);
    ~WebhookCall() override;

    //! Starts the call; `done` runs exactly once, later, on this thread (never after the call
    //! object is destroyed).
    void start(Done done);

    //! "t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>".
    static QByteArray signature(const QByteArray &secret, qint64 timestamp, const QByteArray &body);
    //! Empty when the URL is an acceptable absolute http/https URL, else why not.
    static QString urlProblem(const QString &url);

private:
    void onResolved(const QHostInfo &info);
    void vetAndConnect(const QList<QHostAddress> &addresses);
    void connectNext();
    void onConnected();
    void sendRequest();
    void onReadyRead();
    void onSocketError();
    void onDeadline();
    void fail(const QString &error, const QString &detail, bool retryable = true);
    void finish(Result result);

    WebhookTargetPolicy m_policy;
    Limits m_limits;
    Delivery m_delivery;
    Done m_done;
    QTimer m_deadline;
    QTimer m_dnsDeadline;
    QElapsedTimer m_elapsed;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses; // vetted, not yet tried
    QPointer<QTcpSocket> m_socket;
    bool m_connected = false;
    bool m_sent = false;
    bool m_finished = false;
    QByteArray m_head;
};

} // namespace corkboard
