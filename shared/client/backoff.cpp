#include "shared/client/backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace corkboard::client {

BackoffFn exponentialBackoff(int baseMs, int capMs)
{
    return [baseMs, capMs](int attempt) {
        const int shift = std::clamp(attempt - 1, 0, 20);
        const qint64 full = std::min<qint64>(capMs, qint64(baseMs) << shift);
        const qint64 half = full / 2;
        return int(half + QRandomGenerator::global()->bounded(half + 1));
    };
}

NowFn systemNow()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace corkboard::client
