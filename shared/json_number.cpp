#include "shared/json_number.h"

#include <cmath>

namespace corkboard {

std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // Only a double known to fit in qint64 is converted: [-2^63, 2^63). NaN fails the test.
    constexpr double kTwoTo63 = 9223372036854775808.0;
    if (!(d >= -kTwoTo63 && d < kTwoTo63) || std::trunc(d) != d)
        return std::nullopt;
    const auto n = static_cast<qint64>(d);
    if (n < min || n > max)
        return std::nullopt;
    return n;
}

} // namespace corkboard
