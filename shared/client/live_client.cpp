#include "shared/client/live_client.h"

#include "shared/client/api_client.h"
#include "shared/client/client_log.h"
#include "shared/live_protocol.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QWebSocket>

namespace corkboard::client {

LiveClient::LiveClient(QUrl url, QObject *parent)
    : LiveClient(std::move(url), Options {}, parent)
{
}

LiveClient::LiveClient(QUrl url, Options options, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_options(std::move(options))
{
    m_pingTimer.setInterval(m_options.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &LiveClient::onPingTick);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveClient::connectNow);
    m_reauthTimer.setSingleShot(true);
    connect(&m_reauthTimer, &QTimer::timeout, this, &LiveClient::tokenNeeded);
}

LiveClient::~LiveClient()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void LiveClient::attach(ApiClient *api)
{
    m_url = api->liveUrl();
    m_trust = api->serverTrust();
    connect(api, &ApiClient::accessTokenChanged, this, &LiveClient::setAccessToken);
    connect(this, &LiveClient::tokenNeeded, api, [api] { api->refreshSession(); });
    connect(api, &ApiClient::sessionEnded, this, &LiveClient::close);
    if (!api->accessToken().isEmpty())
        setAccessToken(api->accessToken(), api->accessTokenExpiry());
}

void LiveClient::open()
{
    m_wanted = true;
    if (m_state == State::Disconnected)
        connectNow();
}

void LiveClient::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_reauthTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Disconnected);
}

void LiveClient::setAccessToken(const QString &token, const QDateTime &expiresAt)
{
    m_token = token;
    m_tokenExpiry = expiresAt;
    scheduleReauth();
    if (token.isEmpty())
        return;
    if (m_state == State::Authenticating || m_state == State::Ready) {
        sendJson(
            {{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), token}});
    } else if (m_wanted && m_waitingForToken) {
        m_waitingForToken = false;
        connectNow();
    }
}

void LiveClient::subscribe(const QString &boardId, std::optional<qint64> since)
{
    m_subscriptions[boardId].lastSeq = since;
    if (m_state == State::Ready)
        sendSubscribe(boardId);
}

void LiveClient::unsubscribe(const QString &boardId)
{
    if (m_subscriptions.remove(boardId) && m_state == State::Ready)
        sendJson({{QStringLiteral("type"), QStringLiteral("unsubscribe")},
            {QStringLiteral("board_id"), boardId}});
}

std::optional<qint64> LiveClient::lastSeq(const QString &boardId) const
{
    return m_subscriptions.value(boardId).lastSeq;
}

void LiveClient::connectNow()
{
    if (!m_wanted)
        return;
    if (m_token.isEmpty()) {
        m_waitingForToken = true;
        setState(State::WaitingToReconnect);
        Q_EMIT tokenNeeded();
        return;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &LiveClient::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &LiveClient::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LiveClient::onText);
    // wss:// to a certificate the system does not trust: the same pins as the ApiClient decide.
    QWebSocket *socket = m_socket;
    connect(m_socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        const ServerTrust::Verdict verdict = m_trust
            ? m_trust->evaluate(m_url, socket->sslConfiguration().peerCertificate(), errors)
            : ServerTrust::Verdict {};
        if (verdict.accept) {
            socket->ignoreSslErrors();
            return;
        }
        Q_EMIT certificateRefused(ServerTrust::toError(verdict));
    });
    setState(State::Connecting);
    // The watchdog also bounds the handshake: a connect that hangs is given up and retried.
    m_lastHeard.start();
    m_pingTimer.start();
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
    m_socket->open(request);
}

void LiveClient::onConnected()
{
    setState(State::Authenticating);
    m_lastHeard.start();
    // Tokens never go in URLs: the first message authenticates.
    sendJson(
        {{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), m_token}});
    m_pingTimer.start();
}

void LiveClient::onDisconnected()
{
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    qCInfo(lcClientWs) << "live connection closed, code" << code;
    m_pingTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (!m_wanted) {
        setState(State::Disconnected);
        return;
    }
    if (code == live::CloseUnauthenticated) {
        // The token was refused or expired: reconnect as soon as a fresh one arrives.
        m_token.clear();
        m_waitingForToken = true;
        setState(State::WaitingToReconnect);
        Q_EMIT tokenNeeded();
        return;
    }
    scheduleReconnect();
}

void LiveClient::scheduleReconnect()
{
    setState(State::WaitingToReconnect);
    const int delay = m_options.backoff(++m_attempt);
    qCInfo(lcClientWs) << "reconnecting in" << delay << "ms (attempt" << m_attempt << ")";
    m_reconnectTimer.start(delay);
}

void LiveClient::scheduleReauth()
{
    m_reauthTimer.stop();
    if (m_token.isEmpty() || !m_tokenExpiry.isValid())
        return;
    const qint64 ms = m_options.now().msecsTo(m_tokenExpiry) - m_options.reauthLeadMs;
    m_reauthTimer.start(int(std::clamp<qint64>(ms, 0, 24LL * 3600 * 1000)));
}

void LiveClient::onText(const QString &text)
{
    m_lastHeard.start();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    const QString boardId = message.value(QStringLiteral("board_id")).toString();

    if (type == QLatin1String("event")) {
        // The envelope comes nested ({"type":"event","event":{…}}); accept it spread out too.
        const QJsonValue nested = message.value(QStringLiteral("event"));
        const EventEnvelope event
            = eventEnvelopeFromJson(nested.isObject() ? nested.toObject() : message);
        if (event.type.isEmpty() || event.boardId.isEmpty()) {
            qCWarning(lcClientWs) << "ignoring a malformed event";
            return;
        }
        auto it = m_subscriptions.find(event.boardId);
        if (it == m_subscriptions.end())
            return; // unsubscribed meanwhile
        if (event.seq > 0) { // presence.changed carries no seq
            if (it->lastSeq && event.seq <= *it->lastSeq)
                return; // already delivered (replayed after a reconnect)
            it->lastSeq = event.seq;
        }
        Q_EMIT eventReceived(event);
    } else if (type == QLatin1String("ready")) {
        const bool first = m_state != State::Ready;
        setState(State::Ready);
        m_attempt = 0;
        if (first) {
            Q_EMIT ready(message.value(QStringLiteral("user_id")).toString());
            for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
                sendSubscribe(it.key());
        }
    } else if (type == QLatin1String("subscribed")) {
        const qint64 seq = message.value(QStringLiteral("seq")).toInteger(-1);
        auto it = m_subscriptions.find(boardId);
        if (it != m_subscriptions.end() && (!it->lastSeq || seq > *it->lastSeq))
            it->lastSeq = seq;
        Q_EMIT subscribed(boardId, seq);
    } else if (type == QLatin1String("resync")) {
        auto it = m_subscriptions.find(boardId);
        if (it != m_subscriptions.end())
            it->lastSeq.reset();
        Q_EMIT resyncRequired(boardId);
    } else if (type == QLatin1String("notification")) {
        Q_EMIT notificationReceived(message.value(QStringLiteral("data")).toObject());
    } else if (type == QLatin1String("error")) {
        const QString code = message.value(QStringLiteral("code")).toString();
        const QString detail = message.value(QStringLiteral("detail")).toString();
        if (!boardId.isEmpty()
            && message.value(QStringLiteral("status")).toInt() == live::CloseForbidden) {
            m_subscriptions.remove(boardId);
            Q_EMIT subscriptionLost(boardId, code, detail);
        } else {
            Q_EMIT serverError(code, detail);
        }
    }
    // "pong" and "unsubscribed" only prove the connection is alive.
}

void LiveClient::onPingTick()
{
    if (!m_socket)
        return;
    if (m_lastHeard.isValid() && m_lastHeard.elapsed() > m_options.silenceTimeoutMs) {
        qCInfo(lcClientWs) << "live connection silent, reconnecting";
        if (m_state == State::Connecting) {
            // Never connected, so no disconnected() will come: start over by hand.
            m_pingTimer.stop();
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
            m_socket = nullptr;
            scheduleReconnect();
            return;
        }
        m_socket->abort(); // emits disconnected → reconnect
        return;
    }
    if (m_state == State::Connecting)
        return;
    sendJson(
        {{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), ++m_pingId}});
}

void LiveClient::sendJson(const QJsonObject &message)
{
    if (m_socket)
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LiveClient::sendSubscribe(const QString &boardId)
{
    const auto since = m_subscriptions.value(boardId).lastSeq;
    sendJson({{QStringLiteral("type"), QStringLiteral("subscribe")},
        {QStringLiteral("board_id"), boardId},
        {QStringLiteral("since"), since ? QJsonValue(*since) : QJsonValue(QJsonValue::Null)}});
}

void LiveClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace corkboard::client
