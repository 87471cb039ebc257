#pragma once

#include "shared/dto/snapshot.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <functional>

namespace corkboard {

//! Process-wide: services hand it the events of a transaction after it committed; the live-update
//! hubs subscribe to it. Listeners run synchronously on the committing thread and must not block.
class EventBus
{
public:
    using Listener = std::function<void(const EventEnvelope &)>;

    int subscribe(Listener listener);
    void unsubscribe(int id);
    //! Called only after COMMIT, with the events in seq order.
    void publish(const QList<EventEnvelope> &events);

private:
    QMutex m_mutex;
    QHash<int, Listener> m_listeners;
    int m_next = 1;
};

} // namespace corkboard
