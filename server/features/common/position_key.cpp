#include "server/features/common/position_key.h"

#include <algorithm>
#include <stdexcept>

namespace corkboard::position {

namespace {
constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kBase = 62;

int digitValue(QChar c)
{
    const ushort u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'A' && u <= 'Z')
        return u - 'A' + 10;
    if (u >= 'a' && u <= 'z')
        return u - 'a' + 36;
    return -1;
}

QChar digitChar(int v)
{
    return QLatin1Char(kDigits[v]);
}

// Midpoint of two digit strings read as fractions; b empty means 1.0. Requires a < b and no
// trailing zeros (the classic fractional-indexing construction).
QString midpoint(const QString &a, const QString &b)
{
    if (!b.isEmpty()) {
        // Skip the common prefix (a padded with zeros).
        int n = 0;
        while (n < b.size() && (n < a.size() ? a.at(n) : QLatin1Char('0')) == b.at(n))
            ++n;
        if (n > 0)
            return b.left(n) + midpoint(a.mid(n), b.mid(n));
    }
    const int da = a.isEmpty() ? 0 : digitValue(a.at(0));
    const int db = b.isEmpty() ? kBase : digitValue(b.at(0));
    if (db - da > 1)
        return QString(digitChar((da + db) / 2));
    // Consecutive digits.
    if (b.size() > 1)
        return b.left(1);
    return QString(digitChar(da)) + midpoint(a.isEmpty() ? QString() : a.mid(1), QString());
}
} // namespace

bool isValid(const QString &key)
{
    if (key.isEmpty() || key.endsWith(QLatin1Char('0')))
        return false;
    for (const QChar c : key) {
        if (digitValue(c) < 0)
            return false;
    }
    return true;
}

QString between(const QString &a, const QString &b)
{
    if (!a.isEmpty() && !b.isEmpty() && a >= b)
        throw std::invalid_argument("position::between: bounds out of order");
    return midpoint(a, b);
}

QString after(const QString &a)
{
    constexpr int kAppendLength = 3;
    if (a.isEmpty())
        return midpoint(QString(), QString());
    // Past its leading 'z's (the end of the key space, where lists that only grow end up), so a key
    // such as "zzzk" still leaves thousands of steps at its length.
    int leadingZ = 0;
    while (leadingZ < a.size() && digitValue(a.at(leadingZ)) == kBase - 1)
        ++leadingZ;
    QString digits
        = a.leftJustified(std::max(int(a.size()), leadingZ + kAppendLength), QLatin1Char('0'));
    for (int i = int(digits.size()) - 1; i >= 0; --i) {
        const int v = digitValue(digits.at(i));
        if (v < 0)
            break; // not a key: leave it to between()'s rules
        if (v < kBase - 1) {
            // Digits after i carried over to '0': dropping them keeps "no trailing zero".
            digits[i] = digitChar(v + 1);
            digits.truncate(i + 1);
            return digits;
        }
    }
    return between(a, QString()); // every key of this length above a is taken: one digit more
}

QStringList spread(const QString &a, const QString &b, int n)
{
    if (n <= 0)
        return {};
    if (n == 1)
        return {between(a, b)};
    const QString mid = between(a, b);
    const int left = n / 2;
    QStringList out = spread(a, mid, left);
    out.append(mid);
    out.append(spread(mid, b, n - left - 1));
    return out;
}

} // namespace corkboard::position
