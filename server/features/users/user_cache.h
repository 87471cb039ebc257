#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>

namespace corkboard {

class Clock;

//! What the per-request auth check needs to know about a user.
struct UserAuthState
{
    QString role;
    bool disabled = false;
};

//! A small TTL cache in front of the per-request user check (the caching rule: always a TTL,
//! invalidated on write, never authoritative). Shared by every server thread; thread-safe.
class UserCache
{
public:
    UserCache(const Clock &clock, qint64 ttlMs = 10000, qsizetype maxEntries = 10000);

    std::optional<UserAuthState> get(const QString &userId);
    //! Read before loading a user from the database and hand to put(): a put that raced with
    //! an invalidation is dropped, so a stale read never outlives the write that replaced it.
    quint64 generation();
    void put(const QString &userId, const UserAuthState &state, quint64 generationBeforeRead);
    //! Called by every write that changes a user's role or disabled flag.
    void invalidate(const QString &userId);

private:
    struct Entry
    {
        UserAuthState state;
        qint64 expiresMs = 0;
    };
    const Clock &m_clock;
    qint64 m_ttlMs;
    qsizetype m_maxEntries;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    quint64 m_generation = 0;
};

} // namespace corkboard
