#include "server/http/rate_limiter.h"

#include "server/platform/clock.h"

#include <cmath>

namespace corkboard {

RateLimiter::RateLimiter(const Clock &clock, double tokensPerSecond, double burst)
    : m_clock(clock)
    , m_rate(tokensPerSecond)
    , m_burst(burst)
{
}

RateLimiter::Decision RateLimiter::check(const QString &key, double cost, bool consume)
{
    const qint64 now = m_clock.nowMs();
    QMutexLocker lock(&m_mutex);
    // Forget full buckets now and then so the table cannot grow without bound.
    if (m_buckets.size() > 50000) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            const double refilled = it->tokens + double(now - it->updatedMs) / 1000.0 * m_rate;
            it = refilled >= m_burst ? m_buckets.erase(it) : std::next(it);
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket {m_burst, now});
    Bucket &b = *it;
    b.tokens = std::min(
        m_burst, b.tokens + double(std::max<qint64>(0, now - b.updatedMs)) / 1000.0 * m_rate);
    b.updatedMs = now;
    if (b.tokens >= cost) {
        if (consume)
            b.tokens -= cost;
        return {true, 0};
    }
    const double missing = cost - b.tokens;
    return {false, std::max(1, int(std::ceil(missing / m_rate)))};
}

RateLimiter::Decision RateLimiter::take(const QString &key, double cost)
{
    return check(key, cost, true);
}

RateLimiter::Decision RateLimiter::peek(const QString &key, double cost)
{
    return check(key, cost, false);
}

void RateLimiter::reset(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_buckets.remove(key);
}

} // namespace corkboard
