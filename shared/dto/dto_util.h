#pragma once

#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// Small helpers shared by the DTO codecs (not part of the public DTO surface).
namespace corkboard::dto {

inline void writeTime(JsonWriter &w, const char *key, const QDateTime &t)
{
    w.key(key);
    if (t.isValid())
        w.value(toRfc3339(t));
    else
        w.null();
}

inline void writeStrings(JsonWriter &w, const char *key, const QStringList &list)
{
    w.key(key).beginArray();
    for (const auto &s : list)
        w.value(s);
    w.endArray();
}

inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

inline QDateTime time(const QJsonObject &o, const char *key)
{
    const auto v = o.value(QLatin1String(key));
    return v.isString() ? fromRfc3339(v.toString()) : QDateTime();
}

inline qint64 integer(const QJsonObject &o, const char *key, qint64 fallback = 0)
{
    const auto v = o.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : fallback;
}

inline QStringList strings(const QJsonObject &o, const char *key)
{
    QStringList out;
    const auto arr = o.value(QLatin1String(key)).toArray();
    for (const auto &v : arr)
        out.append(v.toString());
    return out;
}

} // namespace corkboard::dto
