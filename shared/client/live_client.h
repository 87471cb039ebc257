#pragma once

#include "shared/client/backoff.h"
#include "shared/client/server_trust.h"
#include "shared/dto/snapshot.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>
#include <optional>

class QWebSocket;

namespace corkboard::client {

class ApiClient;

//! Live updates over the WebSocket of API.md "Live updates": authenticates with the first
//! message, subscribes per board with the last seq seen, reconnects after any drop with backoff
//! and jitter and resubscribes with `since` (so missed events are replayed, duplicates dropped),
//! re-authenticates before the access token expires, pings, and asks for a snapshot on resync.
class LiveClient : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Authenticating,
        Ready,
        WaitingToReconnect
    };
    Q_ENUM(State)

    struct Options
    {
        int pingIntervalMs = 25000; //!< our ping cadence (the server drops peers silent for 75 s)
        int silenceTimeoutMs = 60000; //!< nothing heard this long: the connection is dead
        int reauthLeadMs = 60000; //!< ask for a fresh token this long before expiry
        BackoffFn backoff = exponentialBackoff(1000, 30000);
        NowFn now = systemNow();
    };

    explicit LiveClient(QUrl url, QObject *parent = nullptr);
    LiveClient(QUrl url, Options options, QObject *parent = nullptr);
    ~LiveClient() override;

    //! Takes the URL and tokens from an ApiClient and asks it to refresh when a token is needed.
    void attach(ApiClient *api);

    //! Connects (and keeps reconnecting) until close().
    void open();
    void close();
    State state() const { return m_state; }

    //! Replaces the access token; sent at once as an "auth" message on a live connection.
    void setAccessToken(const QString &token, const QDateTime &expiresAt);

    //! Watches a board. `since`: the seq of the snapshot the caller holds (nullopt: only new
    //! events). After resyncRequired, fetch the snapshot and call this again with its seq.
    void subscribe(const QString &boardId, std::optional<qint64> since = std::nullopt);
    void unsubscribe(const QString &boardId);
    //! The last seq delivered (or subscribed at) for a board.
    std::optional<qint64> lastSeq(const QString &boardId) const;

Q_SIGNALS:
    void stateChanged(corkboard::client::LiveClient::State state);
    void ready(const QString &userId);
    void subscribed(const QString &boardId, qint64 seq);
    //! One new event, in seq order per board, never twice.
    void eventReceived(const corkboard::EventEnvelope &event);
    //! The server no longer has the events since our seq: fetch the board snapshot again.
    void resyncRequired(const QString &boardId);
    void notificationReceived(const QJsonObject &notification);
    //! A board we watched is no longer allowed (4403 as an error message); it was dropped.
    void subscriptionLost(const QString &boardId, const QString &code, const QString &detail);
    void serverError(const QString &code, const QString &detail);
    //! The access token is about to expire or was refused: refresh and call setAccessToken.
    void tokenNeeded();
    //! wss:// to a certificate that is neither trusted by the system nor the pinned one (the
    //! connection is refused; it keeps retrying, so pin or close()).
    void certificateRefused(const corkboard::client::ApiError &error);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onPingTick();
    void scheduleReconnect();
    void scheduleReauth();
    void sendJson(const QJsonObject &message);
    void sendSubscribe(const QString &boardId);
    void setState(State state);

    struct Subscription
    {
        std::optional<qint64> lastSeq;
    };

    QUrl m_url;
    std::shared_ptr<ServerTrust> m_trust; //!< from attach(); none: system trust only
    Options m_options;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    bool m_wanted = false;
    bool m_waitingForToken = false;
    QString m_token;
    QDateTime m_tokenExpiry;
    QHash<QString, Subscription> m_subscriptions;
    int m_attempt = 0;
    qint64 m_pingId = 0;
    QElapsedTimer m_lastHeard;
    QTimer m_pingTimer;
    QTimer m_reconnectTimer;
    QTimer m_reauthTimer;
};

} // namespace corkboard::client
