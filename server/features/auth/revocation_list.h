#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <atomic>
#include <functional>

namespace corkboard {

class Clock;

//! One row of the revocations table.
struct Revocation
{
    enum class Kind
    {
        Session, //!< subject: a session (refresh-token family), the `sid` of access tokens
        UserDisabled, //!< subject: a user; every live connection of theirs ends
        UserChanged, //!< subject: a user whose role changed; cached auth state is dropped
    };
    qint64 id = 0;
    Kind kind = Kind::Session;
    QString subject;
    QString userId;
    qint64 expiresAtMs = 0;

    static QString kindName(Kind kind);
    static bool kindFromName(const QString &name, Kind *kind);
};

//! The revoked sessions every server thread checks on each request: an in-memory set fed from
//! the database (RevocationFeed) and, for this process, at once after the revoking commit.
//! Thread-safe. Readers keep a Reader per thread, whose check is one atomic load and one hash
//! lookup (the set is copied, implicitly shared, only after it changed).
class RevocationList
{
public:
    using Listener = std::function<void(const QList<Revocation> &fresh)>;

    explicit RevocationList(const Clock &clock);

    //! Adds entries not seen before (by id) and tells the listeners about those; expired entries
    //! are dropped on the way.
    void apply(const QList<Revocation> &entries);
    //! Called (on the applying thread, without the lock held) with each batch of new entries.
    void subscribe(Listener listener);
    //! For tests and the feed: is this session revoked right now?
    bool isRevoked(const QString &sessionId) const;
    qsizetype size() const;

    //! A per-thread view; not thread-safe itself.
    class Reader
    {
    public:
        explicit Reader(const RevocationList &list);
        bool isRevoked(const QString &sessionId);

    private:
        const RevocationList &m_list;
        quint64 m_generation = ~quint64(0);
        QHash<QString, qint64> m_sessions;
    };

private:
    void pruneLocked(qint64 nowMs);

    const Clock &m_clock;
    mutable QMutex m_mutex;
    QHash<QString, qint64> m_sessions; //!< revoked session → when its last token expires (ms)
    QHash<qint64, qint64> m_seen; //!< applied row ids → expiry, so a row applies once
    QList<Listener> m_listeners;
    std::atomic<quint64> m_generation {0};
};

} // namespace corkboard
