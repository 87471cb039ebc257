#include "server/features/events/live_bus.h"

#include "server/features/events/live_hub.h"
#include "server/platform/clock.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QMetaObject>
#include <algorithm>

namespace corkboard {

LiveBus::LiveBus(const Clock &clock)
    : m_clock(clock)
{
}

void LiveBus::notifyCommitted(const QString &boardId, qint64 seq)
{
    QMutexLocker lock(&m_mutex);
    for (LiveHub *hub : std::as_const(m_hubs)) {
        // Queued into the hub's own thread; dropped by Qt if the hub is gone by then.
        QMetaObject::invokeMethod(
            hub, [hub, boardId, seq] { hub->onCommitted(boardId, seq); }, Qt::QueuedConnection);
    }
}

void LiveBus::notifyUser(const QString &userId, const QByteArray &json)
{
    QMutexLocker lock(&m_mutex);
    for (LiveHub *hub : std::as_const(m_hubs)) {
        QMetaObject::invokeMethod(
            hub, [hub, userId, json] { hub->onUserMessage(userId, json); }, Qt::QueuedConnection);
    }
}

void LiveBus::notifyRevoked(const QSet<QString> &sessionIds, const QSet<QString> &userIds)
{
    QMutexLocker lock(&m_mutex);
    for (LiveHub *hub : std::as_const(m_hubs)) {
        QMetaObject::invokeMethod(
            hub, [hub, sessionIds, userIds] { hub->onRevoked(sessionIds, userIds); },
            Qt::QueuedConnection);
    }
}

void LiveBus::presenceJoin(const QString &boardId, const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    int &count = m_viewers[boardId][userId];
    if (++count == 1)
        broadcastPresenceLocked(boardId, userId);
}

void LiveBus::presenceLeave(const QString &boardId, const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    auto board = m_viewers.find(boardId);
    if (board == m_viewers.end())
        return;
    auto user = board->find(userId);
    if (user == board->end())
        return;
    if (--user.value() > 0)
        return;
    board->erase(user);
    broadcastPresenceLocked(boardId, userId);
    if (board->isEmpty())
        m_viewers.erase(board);
}

QByteArray LiveBus::presenceEnvelope(const QString &boardId, const QString &actorId)
{
    QMutexLocker lock(&m_mutex);
    return presenceEnvelopeLocked(boardId, actorId);
}

QByteArray LiveBus::presenceEnvelopeLocked(const QString &boardId, const QString &actorId) const
{
    QStringList users = m_viewers.value(boardId).keys();
    std::sort(users.begin(), users.end());
    JsonWriter w(128 + 48 * users.size());
    w.beginObject();
    w.key("seq").null();
    w.field("type", "presence.changed");
    w.field("board_id", boardId);
    w.field("actor_id", actorId);
    w.field("at", toRfc3339(m_clock.now()));
    w.key("data").beginObject();
    w.field("board_id", boardId);
    w.key("viewers").beginArray();
    for (const QString &user : std::as_const(users))
        w.beginObject().field("user_id", user).endObject();
    w.endArray();
    w.endObject();
    w.endObject();
    return w.take();
}

void LiveBus::broadcastPresenceLocked(const QString &boardId, const QString &actorId)
{
    // Posted under the lock, so every hub sees presence changes in the order they happened.
    const QByteArray envelope = presenceEnvelopeLocked(boardId, actorId);
    for (LiveHub *hub : std::as_const(m_hubs)) {
        QMetaObject::invokeMethod(
            hub, [hub, boardId, envelope] { hub->onPresence(boardId, envelope); },
            Qt::QueuedConnection);
    }
}

void LiveBus::setBackendFactory(LiveBackendFactory factory)
{
    QMutexLocker lock(&m_mutex);
    m_factory = std::move(factory);
}

LiveBackendFactory LiveBus::backendFactory() const
{
    QMutexLocker lock(&m_mutex);
    return m_factory;
}

void LiveBus::registerHub(LiveHub *hub)
{
    QMutexLocker lock(&m_mutex);
    m_hubs.append(hub);
}

void LiveBus::unregisterHub(LiveHub *hub)
{
    QMutexLocker lock(&m_mutex);
    m_hubs.removeAll(hub);
}

} // namespace corkboard
