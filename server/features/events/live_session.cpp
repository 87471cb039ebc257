#include "server/features/events/live_session.h"

#include "server/features/events/live_hub.h"

namespace corkboard {

namespace {
// Hand the socket at most this much at a time; the rest waits in our bounded queue.
constexpr qint64 kSocketLowWater = 64 * 1024;
} // namespace

LiveSession::LiveSession(LiveHub &hub, qint64 queueCapBytes, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_capBytes(queueCapBytes)
{
}

LiveSession::~LiveSession() = default;

bool LiveSession::accept(const EncodedEvent &event)
{
    if (event.seq > 0) {
        const auto it = m_subscriptions.find(event.boardId);
        if (it == m_subscriptions.end() || event.seq <= it.value())
            return false;
        it.value() = event.seq;
        return true;
    }
    return m_subscriptions.contains(event.boardId);
}

void LiveSession::deliver(const EncodedEvent &event)
{
    if (!m_closing && accept(event))
        enqueue(frameFor(event));
}

void LiveSession::deliverAll(const std::vector<EncodedEvent> &events)
{
    if (events.size() == 1 || !framesJoin()) {
        for (const EncodedEvent &event : events)
            deliver(event);
        return;
    }
    if (m_closing)
        return;
    QByteArray joined;
    for (const EncodedEvent &event : events) {
        if (!accept(event))
            continue;
        if (joined.isEmpty())
            joined = frameFor(event); // shared, not copied, when it stays the only one
        else
            joined.append(frameFor(event));
    }
    if (!joined.isEmpty())
        enqueue(std::move(joined));
}

bool LiveSession::enqueue(QByteArray bytes)
{
    if (m_closing)
        return false;
    if (m_queue.empty() && socketBacklog() < kSocketLowWater) {
        writeNow(bytes);
        return true;
    }
    m_queuedBytes += bytes.size();
    m_queue.push_back(std::move(bytes));
    if (m_queuedBytes > m_capBytes) {
        clearQueue();
        m_closing = true;
        overflowed();
        return false;
    }
    return true;
}

void LiveSession::pump()
{
    while (!m_queue.empty() && socketBacklog() < kSocketLowWater) {
        QByteArray bytes = std::move(m_queue.front());
        m_queue.pop_front();
        m_queuedBytes -= bytes.size();
        writeNow(bytes);
    }
}

void LiveSession::flushAll()
{
    while (!m_queue.empty()) {
        writeNow(m_queue.front());
        m_queue.pop_front();
    }
    m_queuedBytes = 0;
}

void LiveSession::clearQueue()
{
    m_queue.clear();
    m_queuedBytes = 0;
}

} // namespace corkboard
