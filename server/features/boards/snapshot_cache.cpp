#include "server/features/boards/snapshot_cache.h"

namespace corkboard {

SnapshotCache::SnapshotCache(int ttlMs, int maxEntries, qsizetype maxBytes)
    : m_ttlMs(ttlMs)
    , m_maxEntries(maxEntries)
    , m_maxBytes(maxBytes)
{
}

QString SnapshotCache::key(const QString &boardId, const QString &role, bool includeArchived)
{
    return boardId + QLatin1Char('/') + role
        + (includeArchived ? QLatin1String("/a") : QLatin1String("/"));
}

std::optional<SnapshotBody> SnapshotCache::find(const QString &key, qint64 seq, quint64 generation)
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return std::nullopt;
    if (it->body.seq != seq || it->generation != generation || it->expires.hasExpired()) {
        m_bytes -= it->body.json.size();
        m_entries.erase(it);
        return std::nullopt;
    }
    return it->body;
}

void SnapshotCache::store(const QString &key, const SnapshotBody &body, quint64 generation)
{
    if (m_ttlMs <= 0 || body.json.size() > m_maxBytes)
        return;
    if (const auto old = m_entries.constFind(key); old != m_entries.constEnd()) {
        m_bytes -= old->body.json.size();
        m_entries.erase(old);
    }
    // Over a bound: drop everything stale first, then whatever is left (simple, and rare).
    if (m_entries.size() >= m_maxEntries || m_bytes + body.json.size() > m_maxBytes) {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (it->generation != generation || it->expires.hasExpired()) {
                m_bytes -= it->body.json.size();
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
        if (m_entries.size() >= m_maxEntries || m_bytes + body.json.size() > m_maxBytes) {
            m_entries.clear();
            m_bytes = 0;
        }
    }
    m_entries.insert(key, Entry {body, generation, QDeadlineTimer(m_ttlMs)});
    m_bytes += body.json.size();
}

} // namespace corkboard
