#pragma once

#include "server/http/rate_key.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <array>

namespace corkboard {

class Clock;

//! Token buckets keyed by a string (client address, account …), shared by every server thread.
class RateLimiter
{
public:
    RateLimiter(const Clock &clock, double tokensPerSecond, double burst);

    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0;
    };
    //! Takes `cost` tokens from key's bucket if it has them.
    Decision take(const QString &key, double cost = 1.0);
    Decision take(const RateKey &key, double cost = 1.0);
    //! Looks without taking (for "is this account already locked out?").
    Decision peek(const QString &key, double cost = 1.0);
    //! Check-and-count over several buckets at once: takes `cost` from every key only when each
    //! has it, under one lock, so parallel callers cannot all pass a check made before counting.
    Decision takeAll(const QStringList &keys, double cost = 1.0);
    //! Returns tokens taken for an attempt that turned out not to count (a successful sign-in).
    void giveBack(const QString &key, double cost = 1.0);
    void reset(const QString &key);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    //! Buckets are spread over shards by key, each behind its own lock: server threads
    //! limiting different clients never wait for each other.
    struct Shard
    {
        QMutex mutex;
        QHash<RateKey, Bucket> buckets;
    };
    static constexpr int kShards = 16;
    //! From the hash's top bits: QHash picks a key's slot from the low ones.
    static size_t shardIndex(const RateKey &key)
    {
        return (key.hash() >> (8 * sizeof(size_t) - 8)) % kShards;
    }
    Shard &shardOf(const RateKey &key) { return m_shards[shardIndex(key)]; }
    Decision check(const RateKey &key, double cost, bool consume);
    Bucket &refilledLocked(Shard &shard, const RateKey &key, qint64 nowMs);

    const Clock &m_clock;
    double m_rate;
    double m_burst;
    std::array<Shard, kShards> m_shards;
};

} // namespace corkboard
