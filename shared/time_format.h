#pragma once

#include <QDateTime>
#include <QString>

namespace corkboard {

//! RFC 3339 UTC with milliseconds: 2026-11-25T08:11:38.123Z.
QString toRfc3339(const QDateTime &time);
//! Parses RFC 3339 (any offset); returns an invalid QDateTime on bad input.
QDateTime fromRfc3339(const QString &text);

} // namespace corkboard
