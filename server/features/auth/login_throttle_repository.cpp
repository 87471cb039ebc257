#include "server/features/auth/login_throttle_repository.h"

#include "server/platform/database.h"

#include <algorithm>
#include <cmath>

namespace corkboard {

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
    tx.commit();
    return d;
}

void LoginThrottleRepository::reset(const QString &key)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM auth_throttles WHERE key = ?"));
    q.bind(0, key).exec();
}

} // namespace corkboard
