#pragma once

#include "shared/time_format.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

// Hot-path time conversions for the canonical stored form "YYYY-MM-DDTHH:MM:SS.mmmZ": the board
// snapshot converts two or three times per card, and QDateTime::fromString/toString dominate.
namespace corkboard::fasttime {

//! Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

//! "YYYY-MM-DDTHH:MM:SS.mmmZ" in UTC for milliseconds since the epoch (years 0–9999).
QByteArray formatUtc(qint64 msecs);
//! Parses exactly the canonical form; nullopt for anything else.
std::optional<qint64> parseCanonical(QStringView text);
//! The canonical form fast, anything else through fromRfc3339; invalid for empty text.
QDateTime storedTime(const QString &text);

} // namespace corkboard::fasttime
