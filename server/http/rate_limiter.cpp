#include "server/http/rate_limiter.h"

#include "server/platform/clock.h"

#include <cmath>
#include <mutex>
#include <vector>

namespace corkboard {

RateLimiter::RateLimiter(const Clock &clock, double tokensPerSecond, double burst)
    : m_clock(clock)
    , m_rate(tokensPerSecond)
    , m_burst(burst)
{
}

RateLimiter::Bucket &RateLimiter::refilledLocked(Shard &shard, const RateKey &key, qint64 now)
{
    // Forget full buckets now and then so the table cannot grow without bound.
    QHash<RateKey, Bucket> &buckets = shard.buckets;
    if (buckets.size() > 50000 / kShards) {
        for (auto it = buckets.begin(); it != buckets.end();) {
            const double refilled = it->tokens + double(now - it->updatedMs) / 1000.0 * m_rate;
            it = refilled >= m_burst ? buckets.erase(it) : std::next(it);
        }
    }
    auto it = buckets.find(key);
    if (it == buckets.end())
        it = buckets.insert(key, Bucket {m_burst, now});
    Bucket &b = *it;
    b.tokens = std::min(
        m_burst, b.tokens + double(std::max<qint64>(0, now - b.updatedMs)) / 1000.0 * m_rate);
    b.updatedMs = now;
    return b;
}

RateLimiter::Decision RateLimiter::check(const RateKey &key, double cost, bool consume)
{
    const qint64 now = m_clock.nowMs();
    Shard &shard = shardOf(key);
    QMutexLocker lock(&shard.mutex);
    Bucket &b = refilledLocked(shard, key, now);
    if (b.tokens >= cost) {
        if (consume)
            b.tokens -= cost;
        return {true, 0};
    }
    const double missing = cost - b.tokens;
    return {false, std::max(1, int(std::ceil(missing / m_rate)))};
}

RateLimiter::Decision RateLimiter::takeAll(const QStringList &keys, double cost)
{
    const qint64 now = m_clock.nowMs();
    std::vector<RateKey> hashed;
    hashed.reserve(size_t(keys.size()));
    for (const QString &key : keys)
        hashed.emplace_back(key);
    // Every shard involved, locked in one order (no two callers can deadlock on them).
    std::array<bool, kShards> involved {};
    for (const RateKey &key : hashed)
        involved[shardIndex(key)] = true;
    std::vector<std::unique_lock<QMutex>> locks;
    locks.reserve(kShards);
    for (size_t i = 0; i < kShards; ++i) {
        if (involved[i])
            locks.emplace_back(m_shards[i].mutex);
    }
    Decision refused {true, 0};
    for (const RateKey &key : hashed) {
        const Bucket &b = refilledLocked(shardOf(key), key, now);
        if (b.tokens < cost) {
            refused.allowed = false;
            refused.retryAfterSeconds = std::max(
                refused.retryAfterSeconds, std::max(1, int(std::ceil((cost - b.tokens) / m_rate))));
        }
    }
    if (!refused.allowed)
        return refused;
    for (const RateKey &key : hashed)
        refilledLocked(shardOf(key), key, now).tokens -= cost;
    return {true, 0};
}

void RateLimiter::giveBack(const QString &text, double cost)
{
    const RateKey key(text);
    const qint64 now = m_clock.nowMs();
    Shard &shard = shardOf(key);
    QMutexLocker lock(&shard.mutex);
    Bucket &b = refilledLocked(shard, key, now);
    b.tokens = std::min(m_burst, b.tokens + cost);
}

RateLimiter::Decision RateLimiter::take(const QString &key, double cost)
{
    return check(RateKey(key), cost, true);
}

RateLimiter::Decision RateLimiter::take(const RateKey &key, double cost)
{
    return check(key, cost, true);
}

RateLimiter::Decision RateLimiter::peek(const QString &key, double cost)
{
    return check(RateKey(key), cost, false);
}

void RateLimiter::reset(const QString &text)
{
    const RateKey key(text);
    Shard &shard = shardOf(key);
    QMutexLocker lock(&shard.mutex);
    shard.buckets.remove(key);
}

} // namespace corkboard
