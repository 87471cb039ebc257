#include "server/features/events/event_bus.h"

#include "server/platform/log.h"

namespace corkboard {

int EventBus::subscribe(Listener listener)
{
    QMutexLocker lock(&m_mutex);
    const int id = m_next++;
    m_listeners.insert(id, std::move(listener));
    return id;
}

void EventBus::unsubscribe(int id)
{
    QMutexLocker lock(&m_mutex);
    m_listeners.remove(id);
}

void EventBus::publish(const QList<EventEnvelope> &events)
{
    QList<Listener> listeners;
    {
        QMutexLocker lock(&m_mutex);
        listeners = m_listeners.values();
    }
    for (const auto &event : events) {
        for (const auto &listener : std::as_const(listeners)) {
            try {
                listener(event);
            } catch (const std::exception &e) {
                logging::write(lcEvents(), QtWarningMsg, QStringLiteral("event listener failed"),
                    {{QStringLiteral("seq"), event.seq},
                        {QStringLiteral("error"), QString::fromLocal8Bit(e.what())}});
            }
        }
    }
}

} // namespace corkboard
