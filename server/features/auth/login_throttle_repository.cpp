#include "server/features/auth/login_throttle_repository.h"

#include "server/platform/database.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace corkboard {

namespace {
constexpr int kPruneEveryTakes = 256;
constexpr qint64 kStaleMs = 60 * 60 * 1000; // far beyond a refill (burst = one minute's worth)
std::atomic<int> g_takes {0};
} // namespace

LoginThrottleRepository::Decision LoginThrottleRepository::take(
    const QString &key, qint64 nowMs, double perSecond, double burst)
{
    // The row's lock (held until commit) makes concurrent attempts on several instances queue,
    // so each sees the bucket the previous one left.
    Transaction tx(m_db);
    SqlQuery create(m_db,
        QStringLiteral("INSERT INTO auth_throttles (key, tokens, updated_ms) VALUES (?, ?, ?) "
                       "ON CONFLICT (key) DO NOTHING"));
    create.bind(0, key).bind(1, burst).bind(2, nowMs).exec();
    SqlQuery read(m_db,
        QStringLiteral("SELECT tokens, updated_ms FROM auth_throttles WHERE key = ?")
            + (m_db.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()));
    read.bind(0, key).exec();
    double tokens = burst;
    if (read.next()) {
        const qint64 elapsedMs = std::max<qint64>(0, nowMs - read.value(1).toLongLong());
        tokens = std::min(burst, read.value(0).toDouble() + double(elapsedMs) * perSecond / 1000.0);
    }
    Decision d;
    d.allowed = tokens >= 1.0;
    if (d.allowed)
        tokens -= 1.0;
    else
        d.retryAfterSeconds = perSecond > 0 ? int(std::ceil((1.0 - tokens) / perSecond)) : 60;
    SqlQuery write(
        m_db, QStringLiteral("UPDATE auth_throttles SET tokens = ?, updated_ms = ? WHERE key = ?"));
    write.bind(0, tokens).bind(1, nowMs).bind(2, key).exec();
    // Now and then: buckets untouched for a while are full again and need no row (every e-mail
    // anyone tried would otherwise stay).
    if (g_takes.fetch_add(1) % kPruneEveryTakes == 0) {
        SqlQuery prune(m_db, QStringLiteral("DELETE FROM auth_throttles WHERE updated_ms < ?"));
        prune.bind(0, nowMs - kStaleMs).exec();
    }
    tx.commit();
    return d;
}

void LoginThrottleRepository::reset(const QString &key)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM auth_throttles WHERE key = ?"));
    q.bind(0, key).exec();
}

} // namespace corkboard
