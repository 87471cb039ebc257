#include "server/platform/epoll_dispatcher.h"

#ifdef Q_OS_LINUX

#include <QCoreApplication>
#include <QHash>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <limits>
#include <map>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <vector>

namespace corkboard {

namespace {

// Nanoseconds: a timer never fires before its interval has passed (milliseconds would let a
// 1 ms timer fire right away).
qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr qint64 kNsPerMs = 1000 * 1000;

class EpollDispatcher final : public QAbstractEventDispatcher
{
public:
    EpollDispatcher()
        : m_epoll(::epoll_create1(EPOLL_CLOEXEC))
        , m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    {
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.fd = m_wake;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
    }

    ~EpollDispatcher() override
    {
        ::close(m_wake);
        ::close(m_epoll);
    }

    bool valid() const { return m_epoll >= 0 && m_wake >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override
    {
        m_interrupted.store(false);
        Q_EMIT awake();
        QCoreApplication::sendPostedEvents();
        bool handled = false;

        const bool mayWait = flags & QEventLoop::WaitForMoreEvents;
        const bool canWait
            = mayWait && !m_interrupted.load() && m_alwaysReady.isEmpty() && !m_wakePending.load();
        int timeout = 0;
        if (canWait) {
            timeout = -1;
            if (!m_timersByDue.empty()) {
                const qint64 leftNs = m_timersByDue.begin()->first - nowNs();
                const qint64 leftMs = leftNs <= 0 ? 0 : (leftNs + kNsPerMs - 1) / kNsPerMs;
                timeout = int(std::min<qint64>(leftMs, std::numeric_limits<int>::max()));
            }
        }
        // Once per pass of a waiting loop, as Qt's glib dispatcher does, even when this pass will
        // not sleep (events posted meanwhile): what waits for it (held answers) is never put off
        // by a thread that keeps receiving posted events.
        if (mayWait)
            Q_EMIT aboutToBlock();
        epoll_event ready[256];
        int count = 0;
        do {
            count = ::epoll_wait(m_epoll, ready, int(std::size(ready)), timeout);
        } while (count < 0 && errno == EINTR && !m_interrupted.load());

        for (int i = 0; i < count; ++i) {
            const int fd = ready[i].data.fd;
            if (fd == m_wake) {
                quint64 value = 0;
                while (::read(m_wake, &value, sizeof value) > 0) { }
                m_wakePending.store(false);
                continue; // the posted events are sent at the start of the next pass
            }
            if (flags & QEventLoop::ExcludeSocketNotifiers)
                continue;
            const uint32_t events = ready[i].events;
            if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                handled |= activate(fd, QSocketNotifier::Read);
            if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
                handled |= activate(fd, QSocketNotifier::Write);
            if (events & EPOLLPRI)
                handled |= activate(fd, QSocketNotifier::Exception);
        }
        if (!(flags & QEventLoop::ExcludeSocketNotifiers)) {
            // Descriptors epoll refuses (regular files) are always ready, as poll(2) says.
            const QList<int> files = m_alwaysReady;
            for (const int fd : files) {
                handled |= activate(fd, QSocketNotifier::Read);
                handled |= activate(fd, QSocketNotifier::Write);
            }
        }
        handled |= fireTimers();
        return handled;
    }

    void registerSocketNotifier(QSocketNotifier *notifier) override
    {
        const int fd = int(notifier->socket());
        Entry &entry = m_fds[fd];
        const bool isNew = entry.notifiers[0] == nullptr && entry.notifiers[1] == nullptr
            && entry.notifiers[2] == nullptr;
        entry.notifiers[int(notifier->type())] = notifier;
        update(fd, entry, isNew);
    }

    void unregisterSocketNotifier(QSocketNotifier *notifier) override
    {
        const int fd = int(notifier->socket());
        const auto it = m_fds.find(fd);
        if (it == m_fds.end() || it->notifiers[int(notifier->type())] != notifier)
            return;
        it->notifiers[int(notifier->type())] = nullptr;
        if (!it->notifiers[0] && !it->notifiers[1] && !it->notifiers[2]) {
            if (m_alwaysReady.removeOne(fd) == false)
                ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
            m_fds.erase(it);
            return;
        }
        update(fd, *it, false);
    }

    void registerTimer(
        int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override
    {
        Timer timer {timerId, std::max<qint64>(0, interval), timerType, object, 0, false};
        timer.due = nowNs() + timer.interval * kNsPerMs;
        m_timers.insert(timerId, timer);
        m_timersByDue.emplace(timer.due, timerId);
    }

    bool unregisterTimer(int timerId) override
    {
        const auto it = m_timers.find(timerId);
        if (it == m_timers.end())
            return false;
        forgetDue(it->due, timerId);
        m_timers.erase(it);
        return true;
    }

    bool unregisterTimers(QObject *object) override
    {
        bool any = false;
        for (auto it = m_timers.begin(); it != m_timers.end();) {
            if (it->object == object) {
                forgetDue(it->due, it->id);
                it = m_timers.erase(it);
                any = true;
            } else {
                ++it;
            }
        }
        return any;
    }

    QList<TimerInfo> registeredTimers(QObject *object) const override
    {
        QList<TimerInfo> list;
        for (const Timer &timer : m_timers) {
            if (timer.object == object)
                list.append(TimerInfo(timer.id, int(timer.interval), timer.type));
        }
        return list;
    }

    int remainingTime(int timerId) override
    {
        const auto it = m_timers.constFind(timerId);
        if (it == m_timers.constEnd())
            return -1;
        const qint64 leftNs = it->due - nowNs();
        return leftNs <= 0 ? 0 : int((leftNs + kNsPerMs - 1) / kNsPerMs);
    }

    void wakeUp() override
    {
        // Any thread: one write until the loop has read it.
        if (!m_wakePending.exchange(true)) {
            const quint64 one = 1;
            while (::write(m_wake, &one, sizeof one) < 0 && errno == EINTR) { }
        }
    }

    void interrupt() override
    {
        m_interrupted.store(true);
        wakeUp();
    }

private:
    struct Entry
    {
        QSocketNotifier *notifiers[3] = {nullptr, nullptr, nullptr}; // Read, Write, Exception
        uint32_t events = 0;
    };

    struct Timer
    {
        int id;
        qint64 interval;
        Qt::TimerType type;
        QObject *object;
        qint64 due; // steady clock, ns
        bool firing; // its event is being delivered: a nested loop must not deliver it again
    };

    void update(int fd, Entry &entry, bool isNew)
    {
        uint32_t events = 0;
        if (entry.notifiers[0])
            events |= EPOLLIN;
        if (entry.notifiers[1])
            events |= EPOLLOUT;
        if (entry.notifiers[2])
            events |= EPOLLPRI;
        if (!isNew && events == entry.events)
            return;
        entry.events = events;
        if (m_alwaysReady.contains(fd))
            return;
        epoll_event ev {};
        ev.events = events;
        ev.data.fd = fd;
        if (::epoll_ctl(m_epoll, isNew ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev) != 0) {
            if (errno == EEXIST)
                ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
            else if (errno == ENOENT)
                ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
            else if (errno == EPERM)
                m_alwaysReady.append(fd);
        }
    }

    bool activate(int fd, QSocketNotifier::Type type)
    {
        // Looked up again each time: the previous activation may have closed or replaced it.
        const auto it = m_fds.constFind(fd);
        if (it == m_fds.constEnd())
            return false;
        QSocketNotifier *notifier = it->notifiers[int(type)];
        if (!notifier)
            return false;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        return true;
    }

    void forgetDue(qint64 due, int timerId)
    {
        auto [first, last] = m_timersByDue.equal_range(due);
        for (auto it = first; it != last; ++it) {
            if (it->second == timerId) {
                m_timersByDue.erase(it);
                return;
            }
        }
    }

    bool fireTimers()
    {
        const qint64 now = nowNs();
        std::vector<int> expired;
        for (auto it = m_timersByDue.begin(); it != m_timersByDue.end() && it->first <= now; ++it)
            expired.push_back(it->second);
        bool fired = false;
        for (const int id : expired) {
            auto it = m_timers.find(id);
            if (it == m_timers.end() || it->due > now || it->firing)
                continue; // stopped, restarted or already being delivered by an outer pass
            // Next due before delivery (the handler may stop or restart it): a precise timer
            // keeps its phase unless it fell a whole interval behind.
            forgetDue(it->due, id);
            // A zero timer is due again on the next pass of the loop.
            const qint64 step = it->interval * kNsPerMs;
            qint64 next = it->due + step;
            if (next <= now)
                next = step == 0 ? now : now + step;
            it->due = next;
            m_timersByDue.emplace(next, id);
            it->firing = true;
            QObject *object = it->object;
            QTimerEvent event(id);
            QCoreApplication::sendEvent(object, &event);
            fired = true;
            it = m_timers.find(id);
            if (it != m_timers.end())
                it->firing = false;
        }
        return fired;
    }

    int m_epoll;
    int m_wake;
    std::atomic<bool> m_wakePending {false};
    std::atomic<bool> m_interrupted {false};
    QHash<int, Entry> m_fds;
    QList<int> m_alwaysReady;
    QHash<int, Timer> m_timers;
    std::multimap<qint64, int> m_timersByDue;
};

} // namespace

QAbstractEventDispatcher *createServerEventDispatcher()
{
    auto *dispatcher = new EpollDispatcher;
    if (!dispatcher->valid()) {
        delete dispatcher;
        return nullptr;
    }
    return dispatcher;
}

} // namespace corkboard

#else

namespace corkboard {

QAbstractEventDispatcher *createServerEventDispatcher()
{
    return nullptr;
}

} // namespace corkboard

#endif
