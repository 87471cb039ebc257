#include "server/features/webhooks/webhook_sender.h"

#include "server/platform/crypto.h"

#include <QHostInfo>
#include <QSslSocket>
#include <QTcpSocket>

namespace corkboard {

namespace {
const QString kCouldNotResolve = QStringLiteral("could not resolve the host");
const QString kNotAllowed = QStringLiteral("target address not allowed");
const QString kCouldNotConnect = QStringLiteral("could not connect");
const QString kTimedOut = QStringLiteral("timed out");
const QString kTlsFailed = QStringLiteral("TLS handshake failed");
const QString kNoAnswer = QStringLiteral("no valid HTTP answer");
} // namespace

WebhookCall::WebhookCall(
    WebhookTargetPolicy policy, Limits limits, Delivery delivery, QObject *parent)
    : QObject(parent)
    , m_policy(std::move(policy))
    , m_limits(limits)
    , m_delivery(std::move(delivery))
{
    m_deadline.setSingleShot(true);
    m_dnsDeadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &WebhookCall::onDeadline);
    connect(&m_dnsDeadline, &QTimer::timeout, this,
        [this] { fail(kCouldNotResolve, QStringLiteral("DNS deadline passed")); });
}

WebhookCall::~WebhookCall()
{
    m_finished = true;
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

QByteArray WebhookCall::signature(
    const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    const QByteArray t = QByteArray::number(timestamp);
    return "t=" + t + ",v1=" + crypto::hmacSha256(secret, t + '.' + body).toHex();
}

QString WebhookCall::urlProblem(const QString &text)
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

void WebhookCall::start(Done done)
{
    m_done = std::move(done);
    m_elapsed.start();
    m_deadline.start(qMax(1, m_limits.totalMs));
    const QString problem = urlProblem(m_delivery.url.toString(QUrl::FullyEncoded));
    if (!problem.isEmpty()) {
        // Later, never inside start(): the caller's bookkeeping is not finished yet.
        QTimer::singleShot(0, this, [this, problem] {
            fail(QStringLiteral("invalid URL"), QStringLiteral("url ") + problem, false);
        });
        return;
    }
    QHostAddress literal;
    if (literal.setAddress(m_delivery.url.host())) {
        QTimer::singleShot(0, this, [this, literal] { vetAndConnect({literal}); });
        return;
    }
    m_dnsDeadline.start(qMax(1, qMin(m_limits.dnsMs, m_limits.totalMs)));
    m_lookupId = QHostInfo::lookupHost(m_delivery.url.host(), this, &WebhookCall::onResolved);
}

void WebhookCall::onResolved(const QHostInfo &info)
{
    m_lookupId = -1;
    m_dnsDeadline.stop();
    if (m_finished)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(kCouldNotResolve, info.errorString());
        return;
    }
    vetAndConnect(info.addresses());
}

void WebhookCall::vetAndConnect(const QList<QHostAddress> &addresses)
{
    if (m_finished)
        return;
    // A name that points inside at all is refused as a whole; only vetted addresses are used.
    for (const QHostAddress &a : addresses) {
        if (!m_policy.allows(a)) {
            fail(kNotAllowed, QStringLiteral("address %1 is not allowed").arg(a.toString()), false);
            return;
        }
    }
    m_addresses = addresses;
    connectNext();
}

void WebhookCall::connectNext()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    if (m_addresses.isEmpty()) {
        fail(kCouldNotConnect, QStringLiteral("no address accepted the connection"));
        return;
    }
    const QHostAddress address = m_addresses.takeFirst();
    const bool tls = m_delivery.url.scheme() == QLatin1String("https");
    if (tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setPeerVerifyName(m_delivery.url.host()); // and SNI: the name, not the address
        connect(ssl, &QSslSocket::encrypted, this, &WebhookCall::sendRequest);
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
    }
    connect(m_socket, &QTcpSocket::connected, this, &WebhookCall::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &WebhookCall::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &WebhookCall::onSocketError);
    m_connected = false;
    m_socket->connectToHost(address, quint16(m_delivery.url.port(tls ? 443 : 80)));
}

void WebhookCall::onConnected()
{
    m_connected = true;
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.data()))
        ssl->startClientEncryption();
    else
        sendRequest();
}

void WebhookCall::sendRequest()
{
    const QUrl &url = m_delivery.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() > 0)
        host += ':' + QByteArray::number(url.port());
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: " + host
        + "\r\nUser-Agent: Corkboard-Webhooks/" CORKBOARD_VERSION
          "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(m_delivery.body.size())
        + "\r\nX-Corkboard-Event: " + m_delivery.eventType.toUtf8() + "\r\nX-Corkboard-Delivery: "
        + m_delivery.deliveryId.toUtf8() + "\r\nX-Corkboard-Signature: "
        + signature(m_delivery.secret, m_delivery.timestamp, m_delivery.body) + "\r\n\r\n";
    request += m_delivery.body;
    m_sent = true;
    m_socket->write(request);
}

void WebhookCall::onReadyRead()
{
    if (m_finished || !m_socket)
        return;
    m_head += m_socket->read(qMax<qint64>(0, 8192 - m_head.size()));
    const qsizetype end = m_head.indexOf("\r\n");
    if (end < 0) {
        if (m_head.size() >= 8192)
            fail(kNoAnswer, QStringLiteral("status line too long"));
        return;
    }
    const QByteArray statusLine = m_head.left(end);
    bool ok = false;
    const int status = statusLine.mid(9, 3).toInt(&ok);
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || !ok || status < 100
        || status > 599) {
        fail(kNoAnswer, QStringLiteral("not an HTTP status line"));
        return;
    }
    Result r;
    r.status = status;
    if (!r.ok())
        r.error = QStringLiteral("HTTP %1").arg(status);
    finish(r);
}

void WebhookCall::onSocketError()
{
    if (m_finished || !m_socket)
        return;
    const QString detail = m_socket->errorString();
    if (!m_connected) {
        connectNext(); // the next vetted address, if any
        return;
    }
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    auto *ssl = qobject_cast<QSslSocket *>(m_socket.data());
    if (ssl && !ssl->isEncrypted())
        fail(kTlsFailed, detail);
    else
        fail(kNoAnswer, detail);
}

void WebhookCall::onDeadline()
{
    if (m_lookupId >= 0)
        fail(kCouldNotResolve, QStringLiteral("DNS deadline passed"));
    else if (!m_connected)
        fail(kCouldNotConnect, QStringLiteral("connect deadline passed"));
    else
        fail(kTimedOut,
            m_sent ? QStringLiteral("no answer in time")
                   : QStringLiteral("TLS handshake did not finish in time"));
}

void WebhookCall::fail(const QString &error, const QString &detail, bool retryable)
{
    Result r;
    r.error = error;
    r.detail = detail;
    r.retryable = retryable;
    finish(r);
}

void WebhookCall::finish(Result result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_dnsDeadline.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    result.durationMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (m_done) {
        const Done done = std::move(m_done);
        m_done = nullptr;
        done(result);
    }
}

} // namespace corkboard
