#include "server/http/metrics.h"

#include <QMap>
#include <QString>

namespace corkboard {

namespace {
constexpr double kBounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

QByteArray seriesKey(const QByteArray &method, const QString &route, int status)
{
    return method + '|' + route.toUtf8() + '|' + QByteArray::number(status);
}
} // namespace

void Metrics::recordRequest(
    const QByteArray &method, const QString &route, int status, double seconds, const void *routeId)
{
    Shard &shard = shardOfThisThread();
    QMutexLocker lock(&shard.mutex);
    // Hashing the series' text was the most expensive part of counting a request.
    Shard::RouteSeries *series = nullptr;
    if (routeId) {
        series = &shard.byRoute[{quintptr(routeId), status}];
        if (series->key.isEmpty()) {
            series->method = method;
            series->key = seriesKey(method, route, status);
        } else if (series->method != method) {
            series = nullptr; // HEAD on a GET route
        }
    }
    if (series)
        ++series->count;
    else
        ++shard.requests[seriesKey(method, route, status)];
    ++shard.latencyCount;
    shard.latencySum += seconds;
    qsizetype i = 0;
    while (i < qsizetype(std::size(kBounds)) && seconds > kBounds[i])
        ++i;
    ++shard.buckets[size_t(i)];
}

Metrics::Shard &Metrics::shardOfThisThread()
{
    static std::atomic<int> s_next {0};
    thread_local const int index = s_next.fetch_add(1) % kShards;
    return m_shards[size_t(index)];
}

void Metrics::addCollector(std::function<QByteArray()> collector)
{
    QMutexLocker lock(&m_mutex);
    m_collectors.append(std::move(collector));
}

QByteArray Metrics::render() const
{
    QByteArray out;
    QMap<QByteArray, qint64> requests; // sorted: the same series in the same order every time
    std::array<qint64, 12> buckets {};
    qint64 latencyCount = 0;
    double latencySum = 0;
    for (Shard &shard : m_shards) {
        QMutexLocker lock(&shard.mutex);
        for (auto it = shard.requests.cbegin(); it != shard.requests.cend(); ++it)
            requests[it.key()] += it.value();
        for (const Shard::RouteSeries &series : std::as_const(shard.byRoute))
            requests[series.key] += series.count;
        for (size_t i = 0; i < buckets.size(); ++i)
            buckets[i] += shard.buckets[i];
        latencyCount += shard.latencyCount;
        latencySum += shard.latencySum;
    }
    out += "# HELP corkboard_http_requests_total HTTP requests by route and status.\n"
           "# TYPE corkboard_http_requests_total counter\n";
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        const auto parts = it.key().split('|');
        out += "corkboard_http_requests_total{method=\"" + parts.value(0) + "\",route=\""
            + parts.value(1) + "\",status=\"" + parts.value(2) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP corkboard_http_request_duration_seconds Time to answer a request.\n"
           "# TYPE corkboard_http_request_duration_seconds histogram\n";
    qint64 cumulative = 0;
    for (size_t i = 0; i < buckets.size(); ++i) {
        cumulative += buckets[i];
        const QByteArray le
            = i < std::size(kBounds) ? QByteArray::number(kBounds[i]) : QByteArrayLiteral("+Inf");
        out += "corkboard_http_request_duration_seconds_bucket{le=\"" + le + "\"} "
            + QByteArray::number(cumulative) + '\n';
    }
    out += "corkboard_http_request_duration_seconds_sum " + QByteArray::number(latencySum, 'f', 6)
        + '\n';
    out += "corkboard_http_request_duration_seconds_count " + QByteArray::number(latencyCount)
        + '\n';
    QList<std::function<QByteArray()>> collectors;
    {
        QMutexLocker lock(&m_mutex);
        collectors = m_collectors;
    }
    out += "# HELP corkboard_http_open_connections Open HTTP connections.\n"
           "# TYPE corkboard_http_open_connections gauge\n"
           "corkboard_http_open_connections "
        + QByteArray::number(m_openConnections.load()) + '\n';
    for (const auto &c : collectors)
        out += c();
    return out;
}

} // namespace corkboard
