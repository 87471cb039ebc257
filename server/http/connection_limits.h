#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QPair>
#include <atomic>

namespace corkboard {

//! Caps on open connections, server-wide and per client address. The acceptor is the one place
//! that admits (so the count is right however many server threads there are); the connection's
//! guard releases its place when the socket is gone, on whichever thread owns it. Thread-safe.
class ConnectionLimiter
{
public:
    enum class Verdict
    {
        Admitted,
        ServerFull, //!< answer 503 with Retry-After
        AddressFull, //!< answer 429 with Retry-After
    };

    ConnectionLimiter(int maxConnections, int maxPerAddress);

    //! Counts the connection in when there is room for it.
    Verdict admit(const QHostAddress &peer);
    //! An admitted connection is gone.
    void release(const QHostAddress &peer);
    //! Peers the per-address cap does not apply to (trusted reverse proxies carry many clients
    //! on their connections; the server-wide cap still does, and the per-request rate limit
    //! counts each real client). Call before serving.
    void setUncappedPeers(QList<QPair<QHostAddress, int>> subnets);
    //! Lowers (or raises) the server-wide cap, e.g. to what the open-file limit allows.
    void setMaxConnections(int maxConnections);
    int maxConnections() const;
    int openConnections() const;
    int openFrom(const QHostAddress &peer) const;

    //! A refused connection is being answered (its descriptor stays open for the answer and a
    //! short lingering close). False when too many already are: close it without an answer, so
    //! a flood of refusals cannot use up the descriptors the caps protect.
    bool beginRefusal();
    void endRefusal();
    //! Prometheus lines: refusals by reason, refusals in flight.
    QByteArray renderMetrics() const;

    //! The address a client is counted by: an IPv4 address as itself (IPv4-mapped IPv6 too),
    //! an IPv6 address by its /64 prefix (one host usually holds a whole /64, and privacy
    //! addresses would otherwise give it a fresh count per connection).
    static QHostAddress normalized(const QHostAddress &peer);
    //! normalized() as text, for keys of per-address rate limits.
    static QString addressKey(const QHostAddress &peer);

private:
    mutable QMutex m_mutex;
    QHash<QHostAddress, int> m_perAddress;
    QList<QPair<QHostAddress, int>> m_uncapped;
    int m_open = 0;
    int m_maxConnections;
    const int m_maxPerAddress;
    std::atomic<int> m_refusing {0};
    std::atomic<qint64> m_refusedServerFull {0};
    std::atomic<qint64> m_refusedAddressFull {0};
    std::atomic<qint64> m_droppedUnanswered {0};
};

//! Raises this process's soft limit on open files to its hard limit (a server needs one
//! descriptor per connection, and the usual soft limit is 1024); returns the soft limit now in
//! force, or -1 when it cannot be read.
qint64 raiseOpenFileLimit();

} // namespace corkboard
