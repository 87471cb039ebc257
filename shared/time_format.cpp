#include "shared/time_format.h"

#include "shared/dto/fast_time.h"

#include <QRegularExpression>

namespace corkboard {

QString toRfc3339(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    // Hot on every write (a card creation formats four): the same text without QDateTime's
    // format parser for the years it can hold, 1970–9999.
    const qint64 ms = time.toMSecsSinceEpoch();
    if (ms >= 0 && ms < Q_INT64_C(253402300800000))
        return QString::fromLatin1(fasttime::formatUtc(ms));
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime fromRfc3339(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$)"));
    if (!shape.match(text).hasMatch())
        return QDateTime();
    QDateTime parsed = QDateTime::fromString(text.toUpper(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return QDateTime();
    return parsed.toUTC();
}

} // namespace corkboard
