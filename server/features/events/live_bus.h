#pragma once

#include "server/features/events/live_backend.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>

namespace corkboard {

class LiveHub;
class Clock;

//! Process-wide, thread-safe fan-out to the live hubs (one per server thread). Publishing only
//! queues a small notification into each hub's thread: it never blocks a request handler and
//! never touches another thread's sockets.
class LiveBus
{
public:
    explicit LiveBus(const Clock &clock);

    //! After a commit: the board has new events up to seq. Hubs read them from the outbox.
    void notifyCommitted(const QString &boardId, qint64 seq);
    //! A board-less message (e.g. {"type":"notification",…}) for every live connection of a user.
    void notifyUser(const QString &userId, const QByteArray &json);
    //! Signed-out sessions and disabled users: every hub ends their live connections (4401).
    void notifyRevoked(const QSet<QString> &sessionIds, const QSet<QString> &userIds);

    //! Presence: one more (or one fewer) live connection of this user watches the board. When
    //! the set of viewers changes, every hub is told.
    void presenceJoin(const QString &boardId, const QString &userId);
    void presenceLeave(const QString &boardId, const QString &userId);
    //! The presence.changed envelope for the board as it is now.
    QByteArray presenceEnvelope(const QString &boardId, const QString &actorId);

    //! Replaces how hubs reach auth and the outbox (tests install in-memory ones).
    void setBackendFactory(LiveBackendFactory factory);
    LiveBackendFactory backendFactory() const;

    // Called by hubs on their own thread.
    void registerHub(LiveHub *hub);
    void unregisterHub(LiveHub *hub);

private:
    QByteArray presenceEnvelopeLocked(const QString &boardId, const QString &actorId) const;
    void broadcastPresenceLocked(const QString &boardId, const QString &actorId);

    const Clock &m_clock;
    mutable QMutex m_mutex;
    QList<LiveHub *> m_hubs;
    QHash<QString, QHash<QString, int>> m_viewers; //!< board → user → open connections
    LiveBackendFactory m_factory;
};

} // namespace corkboard
