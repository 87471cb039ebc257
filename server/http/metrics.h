#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <array>
#include <atomic>
#include <functional>
#include <utility>

namespace corkboard {

//! Prometheus counters shared by every server thread.
class Metrics
{
public:
    //! `routeId` (the matched route object, alive as long as the server) lets a series that
    //! exists already be found by pointer instead of by its "method|route|status" text.
    void recordRequest(const QByteArray &method, const QString &route, int status, double seconds,
        const void *routeId = nullptr);
    void connectionOpened() { ++m_openConnections; }
    void connectionClosed() { --m_openConnections; }
    qint64 openConnections() const { return m_openConnections; }
    //! Other parts (jobs, live updates) add their own lines.
    void addCollector(std::function<QByteArray()> collector);
    QByteArray render() const;

private:
    //! Request counters are spread over shards, one per server thread (round robin), each
    //! behind its own lock: threads counting requests never wait for each other.
    struct Shard
    {
        QMutex mutex;
        QHash<QByteArray, qint64> requests; // "method|route|status"
        struct RouteSeries
        {
            QByteArray method;
            QByteArray key; // as in `requests`
            qint64 count = 0;
        };
        QHash<std::pair<quintptr, int>, RouteSeries> byRoute; // (route, status)
        std::array<qint64, 12> buckets {};
        qint64 latencyCount = 0;
        double latencySum = 0;
    };
    static constexpr int kShards = 8;
    Shard &shardOfThisThread();

    mutable QMutex m_mutex; // the collectors
    mutable std::array<Shard, kShards> m_shards;
    std::atomic<qint64> m_openConnections {0};
    QList<std::function<QByteArray()>> m_collectors;
};

} // namespace corkboard
