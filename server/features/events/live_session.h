#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <deque>
#include <vector>

namespace corkboard {

class LiveHub;

//! One event encoded once per hub and shared by every connection it goes to.
struct EncodedEvent
{
    qint64 seq = 0; //!< 0: ephemeral (presence), never replayed
    QString boardId;
    QString type;
    QByteArray envelope; //!< {"seq":…,"type":…,"board_id":…,"actor_id":…,"at":…,"data":…}
    //! What each kind of session sends for it, made by the first session that needs it and then
    //! shared (implicitly) by every other one of the hub: one encoding per hub, not per socket.
    mutable QByteArray wsFrame; //!< a whole WebSocket text frame, header included
    mutable QByteArray sseFrame;
};

//! A live connection (WebSocket or SSE) owned by its thread's hub. Keeps a bounded queue of what
//! it still has to send, and the last seq it sent per subscribed board (no duplicates, no gaps).
class LiveSession : public QObject
{
    Q_OBJECT
public:
    LiveSession(LiveHub &hub, qint64 queueCapBytes, QObject *parent = nullptr);
    ~LiveSession() override;

    const QString &userId() const { return m_userId; }
    //! The sign-in session (refresh-token family) of the token that authenticated this connection.
    const QString &sessionId() const { return m_sessionId; }
    bool isSubscribed(const QString &boardId) const { return m_subscriptions.contains(boardId); }
    qint64 lastSeq(const QString &boardId) const { return m_subscriptions.value(boardId, -1); }
    void setLastSeq(const QString &boardId, qint64 seq) { m_subscriptions.insert(boardId, seq); }
    void dropSubscription(const QString &boardId) { m_subscriptions.remove(boardId); }
    QList<QString> boards() const { return m_subscriptions.keys(); }

    //! Sends an event of a subscribed board unless it was already sent (seq ≤ last sent).
    void deliver(const EncodedEvent &event);
    //! deliver() for consecutive events of one board, as one write when the session's frames can
    //! be joined: a hub that fell behind (several commits while it was busy) catches up with one
    //! send per socket instead of one per socket per event.
    void deliverAll(const std::vector<EncodedEvent> &events);
    virtual void sendResync(const QString &boardId) = 0;
    virtual void sendSubscribed(const QString &boardId, qint64 seq) = 0;
    //! The user may no longer watch the board (removed, board deleted).
    virtual void sendRevoked(const QString &boardId, const QString &detail) = 0;
    //! Server shutdown: say goodbye and close.
    virtual void goAway() = 0;
    //! The session was revoked or the user disabled: say why and close (WebSocket 4401).
    virtual void signOut(const QString &detail) = 0;
    //! A message for this session's user that belongs to no board, e.g.
    //! {"type":"notification",…}. WebSockets send it; SSE streams are per board and ignore it.
    virtual void sendUserMessage(const QByteArray &json) { Q_UNUSED(json); }
    //! Periodic: heartbeat and keep-alive.
    virtual void tick(qint64 nowMs) = 0;
    bool isClosing() const { return m_closing; }

protected:
    virtual QByteArray frameFor(const EncodedEvent &event) const = 0;
    //! True when frames are self-delimiting bytes on the wire (so several may go in one write).
    virtual bool framesJoin() const { return false; }
    //! Bytes still waiting in the socket's own buffer.
    virtual qint64 socketBacklog() const = 0;
    virtual void writeNow(const QByteArray &bytes) = 0;
    //! The queue went over its cap: close with "too slow".
    virtual void overflowed() = 0;

    //! Queues bytes for sending (bounded); returns false when the session overflowed.
    bool enqueue(QByteArray bytes);
    //! Moves queued bytes into the socket while its buffer is short.
    void pump();
    void clearQueue();
    //! Hands everything queued to the socket at once (before a deliberate close).
    void flushAll();
    void setUserId(const QString &userId) { m_userId = userId; }
    void setSessionId(const QString &sessionId) { m_sessionId = sessionId; }
    void markClosing() { m_closing = true; }

    LiveHub &m_hub;

private:
    //! Seq bookkeeping: true when the event is new for this session (and marks it sent).
    bool accept(const EncodedEvent &event);
    QString m_userId;
    QString m_sessionId;
    QHash<QString, qint64> m_subscriptions;
    std::deque<QByteArray> m_queue;
    qint64 m_queuedBytes = 0;
    qint64 m_capBytes;
    bool m_closing = false;
};

} // namespace corkboard
