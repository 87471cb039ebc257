#pragma once

#include <QJsonValue>
#include <optional>

namespace corkboard {

//! The largest magnitude a JSON number carries exactly as a double (2^53).
inline constexpr qint64 kMaxExactJsonInteger = qint64(1) << 53;

//! A JSON number that is a whole number within [min, max], range-checked as a double before any
//! conversion (so 1e300, -1e300 and ±inf are refused instead of being undefined behaviour);
//! nothing for anything else (a fraction, a string, null, an absent value).
std::optional<qint64> wholeNumber(
    const QJsonValue &value, qint64 min = -kMaxExactJsonInteger, qint64 max = kMaxExactJsonInteger);

} // namespace corkboard
