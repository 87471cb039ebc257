#include "server/features/users/user_cache.h"

#include "server/platform/clock.h"

namespace corkboard {

UserCache::UserCache(const Clock &clock, qint64 ttlMs, qsizetype maxEntries)
    : m_clock(clock)
    , m_ttlMs(ttlMs)
    , m_maxEntries(maxEntries)
{
}

std::optional<UserAuthState> UserCache::get(const QString &userId)
{
    const qint64 now = m_clock.nowMs();
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(userId);
    if (it == m_entries.constEnd())
        return std::nullopt;
    if (it->expiresMs <= now) {
        m_entries.erase(it);
        return std::nullopt;
    }
    return it->state;
}

quint64 UserCache::generation()
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

void UserCache::put(const QString &userId, const UserAuthState &state, quint64 generationBeforeRead)
{
    const qint64 now = m_clock.nowMs();
    QMutexLocker lock(&m_mutex);
    if (generationBeforeRead != m_generation)
        return;
    if (m_entries.size() >= m_maxEntries) {
        // Drop what has expired; if that frees nothing, start over (the cache is never
        // authoritative).
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = it->expiresMs <= now ? m_entries.erase(it) : std::next(it);
        if (m_entries.size() >= m_maxEntries)
            m_entries.clear();
    }
    m_entries.insert(userId, Entry {state, now + m_ttlMs});
}

void UserCache::invalidate(const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_entries.remove(userId);
}

} // namespace corkboard
