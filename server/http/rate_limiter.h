#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

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
    //! Looks without taking (for "is this account already locked out?").
    Decision peek(const QString &key, double cost = 1.0);
    void reset(const QString &key);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    Decision check(const QString &key, double cost, bool consume);

    const Clock &m_clock;
    double m_rate;
    double m_burst;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace corkboard
