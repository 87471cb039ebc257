#include "server/features/webhooks/webhook_sender.h"

#include "server/platform/crypto.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QSslSocket>
#include <QTcpSocket>
#include <memory>

namespace corkboard {

WebhookSender::WebhookSender(bool allowLoopback, int timeoutMs)
    : m_allowLoopback(allowLoopback)
    , m_timeoutMs(timeoutMs)
{
}

QByteArray WebhookSender::signature(const QByteArray &secret, const QByteArray &body)
{
    return QByteArrayLiteral("sha256=") + crypto::hmacSha256(secret, body).toHex();
}

bool WebhookSender::addressAllowed(const QHostAddress &input, bool allowLoopback)
{
    QHostAddress address = input;
    bool mapped = false;
    const quint32 v4 = input.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(v4); // ::ffff:127.0.0.1 is 127.0.0.1
    if (address.isNull() || address.isMulticast() || address.isBroadcast())
        return false;
    const bool local = address.isLoopback() || address.isLinkLocal()
        || address == QHostAddress(QHostAddress::AnyIPv4)
        || address == QHostAddress(QHostAddress::AnyIPv6);
    return !local || allowLoopback;
}

QString WebhookSender::urlProblem(const QString &text)
{
    if (text.size() > 2048)
        return QStringLiteral("must be at most 2048 characters");
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return QStringLiteral("must be an absolute URL");
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return QStringLiteral("must use http or https");
    if (url.host().isEmpty())
        return QStringLiteral("must name a host");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("must not contain credentials");
    if (url.hasFragment())
        return QStringLiteral("must not contain a fragment");
    return QString();
}

WebhookSender::Result WebhookSender::post(const Delivery &d) const
{
    QElapsedTimer elapsed;
    elapsed.start();
    QDeadlineTimer deadline(m_timeoutMs);
    Result result;
    auto finish = [&](Result r) {
        r.durationMs = elapsed.elapsed();
        return r;
    };
    const QString problem = urlProblem(d.url.toString(QUrl::FullyEncoded));
    if (!problem.isEmpty()) {
        result.error = QStringLiteral("url ") + problem;
        result.retryable = false;
        return finish(result);
    }

    // Resolve now and vet every address: a name that points inside is refused as a whole.
    QList<QHostAddress> addresses;
    QHostAddress literal;
    if (literal.setAddress(d.url.host())) {
        addresses.append(literal);
    } else {
        const QHostInfo info = QHostInfo::fromName(d.url.host());
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            result.error = QStringLiteral("cannot resolve host: ") + info.errorString();
            return finish(result);
        }
        addresses = info.addresses();
    }
    for (const QHostAddress &a : std::as_const(addresses)) {
        if (!addressAllowed(a, m_allowLoopback)) {
            result.error = QStringLiteral("target address %1 is not allowed (loopback, link-local "
                                          "or multicast)")
                               .arg(a.toString());
            result.retryable = false;
            return finish(result);
        }
    }

    const bool tls = d.url.scheme() == QLatin1String("https");
    const quint16 port = quint16(d.url.port(tls ? 443 : 80));
    std::unique_ptr<QTcpSocket> socket;
    if (tls) {
        auto ssl = std::make_unique<QSslSocket>();
        ssl->setPeerVerifyName(d.url.host());
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
    }
    socket->connectToHost(addresses.first(), port);
    if (!socket->waitForConnected(int(qMax<qint64>(1, deadline.remainingTime())))) {
        result.error = QStringLiteral("cannot connect: ") + socket->errorString();
        return finish(result);
    }
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket.get());
        ssl->startClientEncryption();
        if (!ssl->waitForEncrypted(int(qMax<qint64>(1, deadline.remainingTime())))) {
            result.error = QStringLiteral("TLS handshake failed: ") + ssl->errorString();
            return finish(result);
        }
    }

    QByteArray target = d.url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (d.url.hasQuery())
        target += '?' + d.url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = d.url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (d.url.port() > 0)
        host += ':' + QByteArray::number(d.url.port());
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: " + host
        + "\r\nUser-Agent: Corkboard-Webhooks/" CORKBOARD_VERSION
          "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(d.body.size()) + "\r\nX-Corkboard-Event: " + d.eventType.toUtf8()
        + "\r\nX-Corkboard-Delivery: " + d.deliveryId.toUtf8()
        + "\r\nX-Corkboard-Signature: " + signature(d.secret, d.body) + "\r\n\r\n";
    request += d.body;
    socket->write(request);
    while (socket->bytesToWrite() > 0) {
        if (!socket->waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime())))) {
            result.error = QStringLiteral("sending failed: ") + socket->errorString();
            return finish(result);
        }
    }

    QByteArray head;
    while (!head.contains("\r\n") && head.size() < 8192) {
        if (deadline.hasExpired()) {
            result.error = QStringLiteral("timed out waiting for the answer");
            return finish(result);
        }
        if (socket->bytesAvailable() == 0
            && !socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            head += socket->readAll();
            if (head.contains("\r\n"))
                break;
            result.error = socket->state() == QAbstractSocket::ConnectedState
                ? QStringLiteral("timed out waiting for the answer")
                : QStringLiteral("connection closed without an answer");
            return finish(result);
        }
        head += socket->readAll();
    }
    const QByteArray statusLine = head.left(head.indexOf("\r\n"));
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12) {
        result.error = QStringLiteral("not an HTTP answer");
        return finish(result);
    }
    result.status = statusLine.mid(9, 3).toInt();
    if (!result.ok())
        result.error = QStringLiteral("HTTP %1").arg(result.status);
    socket->abort();
    return finish(result);
}

} // namespace corkboard
