#pragma once

#include <QString>
#include <QStringList>

namespace corkboard::position {

//! Fractional order keys: base-62 digits ('0'-'9', 'A'-'Z', 'a'-'z', in byte order) read as a
//! fraction, never ending in '0', so a key strictly between any two keys always exists and a
//! move rewrites one row. An empty bound means "before everything" / "after everything".

//! A key strictly between a and b (a < b, or either empty).
QString between(const QString &a, const QString &b);
//! A key after a with nothing after it (a new last card): one unit more than a at its third digit
//! past any leading 'z's (or its last, when longer), so thousands of cards added at the bottom of
//! a list keep keys of a few digits. between(a, "") halves the distance to the end instead, which
//! grew keys by a digit every six additions and rewrote the whole list at kRebalanceLength.
QString after(const QString &a);
//! n ascending keys strictly between a and b, as short as possible (for rebalancing).
QStringList spread(const QString &a, const QString &b, int n);
//! True when the text is a valid key.
bool isValid(const QString &key);
//! Keys longer than this make the service rebalance the list inside the same transaction.
constexpr int kRebalanceLength = 48;

} // namespace corkboard::position
