#pragma once

#include "server/features/events/live_session.h"

#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace corkboard {

//! One Server-Sent Events stream (GET /api/v1/events): id:/event:/data: lines, a comment line
//! as keep-alive, closed when its token expires (the client reconnects with Last-Event-ID).
class SseSession : public LiveSession
{
    Q_OBJECT
public:
    SseSession(LiveHub &hub, QTcpSocket *socket, const QString &userId, const QString &sessionId,
        qint64 expiresAtMs);

    //! Writes the response head; the stream starts.
    void start(const QByteArray &head);
    void sendResync(const QString &boardId) override;
    void sendSubscribed(const QString &boardId, qint64 seq) override;
    void sendRevoked(const QString &boardId, const QString &detail) override;
    void goAway() override;
    void signOut(const QString &detail) override;
    void tick(qint64 nowMs) override;

protected:
    QByteArray frameFor(const EncodedEvent &event) const override;
    bool framesJoin() const override { return true; }
    qint64 socketBacklog() const override;
    void writeNow(const QByteArray &bytes) override;
    void overflowed() override;

private:
    void finish();
    void onDisconnected();

    QPointer<QTcpSocket> m_socket;
    QTimer m_expiryTimer;
    qint64 m_lastWriteMs = 0;
    qint64 m_discarded = 0;
    bool m_gone = false;
};

} // namespace corkboard
