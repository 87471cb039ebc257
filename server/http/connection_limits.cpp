#include "server/http/connection_limits.h"

#include <QMutexLocker>

#include <limits>

#include <sys/resource.h>

namespace corkboard {

namespace {
// Refusals answered at once; past this a refused connection is closed without an answer.
constexpr int kMaxRefusalsInFlight = 256;
} // namespace

ConnectionLimiter::ConnectionLimiter(int maxConnections, int maxPerAddress)
    : m_maxConnections(maxConnections)
    , m_maxPerAddress(maxPerAddress)
{
}

QHostAddress ConnectionLimiter::normalized(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4);
    if (peer.protocol() != QAbstractSocket::IPv6Protocol)
        return peer; // null / unknown: one bucket of its own
    Q_IPV6ADDR bytes = peer.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes); // no scope id either: the prefix is the client
}

QString ConnectionLimiter::addressKey(const QHostAddress &peer)
{
    const QHostAddress key = normalized(peer);
    if (key.protocol() == QAbstractSocket::IPv6Protocol)
        return key.toString() + QStringLiteral("/64");
    return key.toString();
}

ConnectionLimiter::Verdict ConnectionLimiter::admit(const QHostAddress &peer)
{
    const QHostAddress key = normalized(peer);
    QMutexLocker lock(&m_mutex);
    if (m_open >= m_maxConnections) {
        ++m_refusedServerFull;
        return Verdict::ServerFull;
    }
    int &fromPeer = m_perAddress[key];
    bool uncapped = false;
    if (!m_uncapped.isEmpty()) {
        bool v4 = false;
        const quint32 ip = peer.toIPv4Address(&v4);
        const QHostAddress exact = v4 ? QHostAddress(ip) : peer; // the whole address, not the /64
        for (const auto &subnet : std::as_const(m_uncapped))
            uncapped = uncapped || exact.isInSubnet(subnet);
    }
    if (fromPeer >= m_maxPerAddress && !uncapped) {
        if (fromPeer == 0)
            m_perAddress.remove(key);
        ++m_refusedAddressFull;
        return Verdict::AddressFull;
    }
    ++fromPeer;
    ++m_open;
    return Verdict::Admitted;
}

void ConnectionLimiter::release(const QHostAddress &peer)
{
    const QHostAddress key = normalized(peer);
    QMutexLocker lock(&m_mutex);
    const auto it = m_perAddress.find(key);
    if (it == m_perAddress.end())
        return; // never admitted: nothing to give back
    if (--it.value() <= 0)
        m_perAddress.erase(it);
    --m_open;
}

void ConnectionLimiter::setUncappedPeers(QList<QPair<QHostAddress, int>> subnets)
{
    QMutexLocker lock(&m_mutex);
    m_uncapped = std::move(subnets);
}

void ConnectionLimiter::setMaxConnections(int maxConnections)
{
    QMutexLocker lock(&m_mutex);
    m_maxConnections = maxConnections;
}

int ConnectionLimiter::maxConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxConnections;
}

int ConnectionLimiter::openConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

int ConnectionLimiter::openFrom(const QHostAddress &peer) const
{
    QMutexLocker lock(&m_mutex);
    return m_perAddress.value(normalized(peer), 0);
}

bool ConnectionLimiter::beginRefusal()
{
    if (++m_refusing > kMaxRefusalsInFlight) {
        --m_refusing;
        ++m_droppedUnanswered;
        return false;
    }
    return true;
}

void ConnectionLimiter::endRefusal()
{
    --m_refusing;
}

QByteArray ConnectionLimiter::renderMetrics() const
{
    QByteArray out;
    out += "# HELP corkboard_http_connections_refused_total Connections refused at accept.\n"
           "# TYPE corkboard_http_connections_refused_total counter\n";
    out += "corkboard_http_connections_refused_total{reason=\"server_full\"} "
        + QByteArray::number(m_refusedServerFull.load()) + '\n';
    out += "corkboard_http_connections_refused_total{reason=\"address_full\"} "
        + QByteArray::number(m_refusedAddressFull.load()) + '\n';
    out += "corkboard_http_connections_refused_total{reason=\"unanswered\"} "
        + QByteArray::number(m_droppedUnanswered.load()) + '\n';
    out += "# HELP corkboard_http_connection_limit Most connections open at once.\n"
           "# TYPE corkboard_http_connection_limit gauge\n"
           "corkboard_http_connection_limit "
        + QByteArray::number(maxConnections()) + '\n';
    return out;
}

qint64 raiseOpenFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur == RLIM_INFINITY)
        return std::numeric_limits<qint64>::max();
    return qint64(limit.rlim_cur);
}

} // namespace corkboard
