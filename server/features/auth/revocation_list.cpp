#include "server/features/auth/revocation_list.h"

#include "server/platform/clock.h"

#include <algorithm>

namespace corkboard {

QString Revocation::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Session:
        return QStringLiteral("session");
    case Kind::UserDisabled:
        return QStringLiteral("user_disabled");
    case Kind::UserChanged:
        return QStringLiteral("user_changed");
    }
    return QString();
}

bool Revocation::kindFromName(const QString &name, Kind *kind)
{
    for (const Kind k : {Kind::Session, Kind::UserDisabled, Kind::UserChanged}) {
        if (kindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

RevocationList::RevocationList(const Clock &clock)
    : m_clock(clock)
{
}

void RevocationList::pruneLocked(qint64 nowMs)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it.value() < nowMs ? m_sessions.erase(it) : std::next(it);
    for (auto it = m_seen.begin(); it != m_seen.end();)
        it = it.value() < nowMs ? m_seen.erase(it) : std::next(it);
}

void RevocationList::apply(const QList<Revocation> &entries)
{
    const qint64 now = m_clock.nowMs();
    QList<Revocation> fresh;
    QList<Listener> listeners;
    {
        QMutexLocker lock(&m_mutex);
        pruneLocked(now);
        for (const Revocation &r : entries) {
            if (r.expiresAtMs < now || (r.id > 0 && m_seen.contains(r.id)))
                continue;
            if (r.id > 0)
                m_seen.insert(r.id, r.expiresAtMs);
            if (r.kind == Revocation::Kind::Session)
                m_sessions.insert(r.subject, std::max(m_sessions.value(r.subject), r.expiresAtMs));
            fresh.append(r);
        }
        if (fresh.isEmpty())
            return;
        m_generation.fetch_add(1, std::memory_order_release);
        listeners = m_listeners;
    }
    for (const Listener &listener : std::as_const(listeners))
        listener(fresh);
}

void RevocationList::subscribe(Listener listener)
{
    QMutexLocker lock(&m_mutex);
    m_listeners.append(std::move(listener));
}

bool RevocationList::isRevoked(const QString &sessionId) const
{
    QMutexLocker lock(&m_mutex);
    return m_sessions.contains(sessionId);
}

qsizetype RevocationList::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_sessions.size();
}

RevocationList::Reader::Reader(const RevocationList &list)
    : m_list(list)
{
}

bool RevocationList::Reader::isRevoked(const QString &sessionId)
{
    const quint64 generation = m_list.m_generation.load(std::memory_order_acquire);
    if (generation != m_generation) {
        QMutexLocker lock(&m_list.m_mutex);
        m_sessions = m_list.m_sessions; // shared, not copied, until the list changes again
        m_generation = m_list.m_generation.load(std::memory_order_relaxed);
    }
    // Kept past expiry until the next change: harmless, the token it names has expired too.
    return !m_sessions.isEmpty() && m_sessions.contains(sessionId);
}

} // namespace corkboard
