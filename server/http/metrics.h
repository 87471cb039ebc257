#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <atomic>
#include <functional>

namespace corkboard {

//! Prometheus counters shared by every server thread.
class Metrics
{
public:
    void recordRequest(const QByteArray &method, const QString &route, int status, double seconds);
    void connectionOpened() { ++m_openConnections; }
    void connectionClosed() { --m_openConnections; }
    qint64 openConnections() const { return m_openConnections; }
    //! Other parts (jobs, live updates) add their own lines.
    void addCollector(std::function<QByteArray()> collector);
    QByteArray render() const;

private:
    struct Series
    {
        qint64 count = 0;
    };
    mutable QMutex m_mutex;
    QHash<QByteArray, qint64> m_requests; // "method|route|status"
    QList<qint64> m_buckets = QList<qint64>(12, 0);
    qint64 m_latencyCount = 0;
    double m_latencySum = 0;
    std::atomic<qint64> m_openConnections {0};
    QList<std::function<QByteArray()>> m_collectors;
};

} // namespace corkboard
