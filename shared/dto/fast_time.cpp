#include "shared/dto/fast_time.h"

namespace corkboard::fasttime {

namespace {
void put(char *p, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
}

int digitsAt(QStringView t, int pos, int count, bool *ok)
{
    int v = 0;
    for (int i = pos; i < pos + count; ++i) {
        const char16_t c = t.at(i).unicode();
        if (c < u'0' || c > u'9') {
            *ok = false;
            return 0;
        }
        v = v * 10 + (c - u'0');
    }
    return v;
}
} // namespace

QByteArray formatUtc(qint64 msecs)
{
    qint64 days = msecs >= 0 ? msecs / 86400000 : -((-msecs + 86399999) / 86400000);
    qint64 rest = msecs - days * 86400000;
    // civil_from_days
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = qint64(yoe) + era * 400 + (m <= 2);
    QByteArray out(24, Qt::Uninitialized);
    char *p = out.data();
    put(p, int(y), 4);
    p[4] = '-';
    put(p + 5, int(m), 2);
    p[7] = '-';
    put(p + 8, int(d), 2);
    p[10] = 'T';
    put(p + 11, int(rest / 3600000), 2);
    rest %= 3600000;
    p[13] = ':';
    put(p + 14, int(rest / 60000), 2);
    rest %= 60000;
    p[16] = ':';
    put(p + 17, int(rest / 1000), 2);
    p[19] = '.';
    put(p + 20, int(rest % 1000), 3);
    p[23] = 'Z';
    return out;
}

std::optional<qint64> parseCanonical(QStringView t)
{
    if (t.size() != 24 || t.at(4) != u'-' || t.at(7) != u'-' || t.at(10) != u'T' || t.at(13) != u':'
        || t.at(16) != u':' || t.at(19) != u'.' || t.at(23) != u'Z')
        return std::nullopt;
    bool ok = true;
    const int y = digitsAt(t, 0, 4, &ok);
    const int mo = digitsAt(t, 5, 2, &ok);
    const int d = digitsAt(t, 8, 2, &ok);
    const int h = digitsAt(t, 11, 2, &ok);
    const int mi = digitsAt(t, 14, 2, &ok);
    const int s = digitsAt(t, 17, 2, &ok);
    const int ms = digitsAt(t, 20, 3, &ok);
    if (!ok || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    return ((daysFromCivil(y, unsigned(mo), unsigned(d)) * 24 + h) * 60 + mi) * 60000LL + s * 1000LL
        + ms;
}

QDateTime storedTime(const QString &text)
{
    if (text.isEmpty())
        return QDateTime();
    if (const auto ms = parseCanonical(text))
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    return fromRfc3339(text);
}

} // namespace corkboard::fasttime
