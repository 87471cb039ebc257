#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace corkboard {

//! One outgoing webhook POST: resolves the host, refuses targets the SSRF guard forbids
//! (checked on every resolved address at delivery time, and the vetted address is the one
//! connected to, so DNS cannot swap it afterwards), sends the signed JSON body, reads the
//! status line. Blocking with a deadline: the worker runs one job at a time.
class WebhookSender
{
public:
    WebhookSender(bool allowLoopback, int timeoutMs);

    struct Delivery
    {
        QUrl url;
        QByteArray body;
        QByteArray secret;
        QString deliveryId;
        QString eventType;
    };
    struct Result
    {
        int status = 0; //!< HTTP status, 0 when there was no answer
        QString error; //!< empty on 2xx
        bool retryable = true; //!< false: retrying cannot help (forbidden target, bad URL)
        qint64 durationMs = 0;
        bool ok() const { return status >= 200 && status < 300; }
    };
    Result post(const Delivery &delivery) const;

    //! "sha256=<hex HMAC-SHA256 of body with secret>".
    static QByteArray signature(const QByteArray &secret, const QByteArray &body);
    //! Loopback, unspecified and link-local only when allowed; multicast/broadcast never;
    //! private LAN ranges always (this is a LAN product).
    static bool addressAllowed(const QHostAddress &address, bool allowLoopback);
    //! Empty when the URL is an acceptable absolute http/https URL, else why not.
    static QString urlProblem(const QString &url);

private:
    bool m_allowLoopback;
    int m_timeoutMs;
};

} // namespace corkboard
