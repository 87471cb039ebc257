#pragma once

#include "server/features/events/live_session.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

class QTcpSocket;
class QWebSocket;

namespace corkboard {

//! One WebSocket client: the API.md protocol (auth first, subscribe/unsubscribe/ping, re-auth
//! before expiry), its message rate limit and heartbeat, and the bounded send queue.
class WsSession : public LiveSession
{
    Q_OBJECT
public:
    WsSession(LiveHub &hub, std::unique_ptr<QWebSocket> socket, QTcpSocket *tcp);
    ~WsSession() override;

    void sendResync(const QString &boardId) override;
    void sendUserMessage(const QByteArray &json) override;
    void sendSubscribed(const QString &boardId, qint64 seq) override;
    void sendRevoked(const QString &boardId, const QString &detail) override;
    void goAway() override;
    void signOut(const QString &detail) override;
    void tick(qint64 nowMs) override;

protected:
    QByteArray frameFor(const EncodedEvent &event) const override;
    bool framesJoin() const override { return !m_tcp.isNull(); }
    qint64 socketBacklog() const override;
    void writeNow(const QByteArray &bytes) override;
    void overflowed() override;

private:
    //! Queues one JSON message (framed here when the socket is ours to write).
    void enqueueText(const QByteArray &json);
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void onDisconnected();
    bool takeRateToken();
    void handleAuth(const QJsonObject &message);
    void handleSubscribe(const QString &boardId, std::optional<qint64> since);
    void handleUnsubscribe(const QString &boardId);
    void handlePing(const QJsonValue &id);
    void sendError(const char *code, const QString &detail, const QString &boardId = QString(),
        int status = 0);
    void closeWith(int code, const QString &reason);

    QWebSocket *m_socket = nullptr;
    QPointer<QTcpSocket> m_tcp;
    QTimer m_authTimer;
    QTimer m_expiryTimer;
    QTimer m_abortTimer;
    bool m_authenticated = false;
    qint64 m_lastHeardMs = 0;
    qint64 m_lastPingMs = 0;
    double m_tokens = 0;
    qint64 m_tokensAtMs = 0;
};

} // namespace corkboard
