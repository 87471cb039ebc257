#pragma once

#include "shared/client/api_client.h"

#include <QJsonArray>
#include <QList>

namespace corkboard::client {

//! One page of a collection: {"data": [...], "next_cursor": "..." | null}.
template<typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; //!< empty on the last page
};

//! ?limit= and ?cursor= of a collection call (0 / empty: the server's defaults).
struct PageRequest
{
    int limit = 0;
    QString cursor;
    void addTo(QUrlQuery &query) const
    {
        if (limit > 0)
            query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
    }
};

namespace decode {

inline ApiError malformed(const ApiResponse &r, const char *what)
{
    ApiError e = ApiError::transport(ApiError::Kind::Decode, QLatin1String(what));
    e.status = r.status;
    e.requestId = r.requestId;
    return e;
}

//! {"data": {...}} through a codec `T parse(const QJsonObject &)`.
template<typename T, typename Parse>
ApiResult<T> object(const ApiResponse &r, Parse parse)
{
    const QJsonValue data = r.data();
    if (!data.isObject())
        return malformed(r, "expected {\"data\": {...}}");
    return parse(data.toObject());
}

//! {"data": {...}} through a codec `bool fromJson(const QJsonObject &, T &)`.
template<typename T>
ApiResult<T> checked(const ApiResponse &r, bool (*fromJson)(const QJsonObject &, T &))
{
    const QJsonValue data = r.data();
    T out;
    if (!data.isObject() || !fromJson(data.toObject(), out))
        return malformed(r, "unexpected resource shape");
    return out;
}

//! {"data": [...], "next_cursor": …} through `T parse(const QJsonObject &)`.
template<typename T, typename Parse>
ApiResult<Page<T>> page(const ApiResponse &r, Parse parse)
{
    const QJsonValue data = r.data();
    if (!data.isArray())
        return malformed(r, "expected {\"data\": [...]}");
    Page<T> out;
    const QJsonArray items = data.toArray();
    for (const auto &v : items)
        out.items.append(parse(v.toObject()));
    out.nextCursor = r.nextCursor();
    return out;
}

//! A list through `bool fromJson(const QJsonObject &, T &)`; any bad item fails the call.
template<typename T>
ApiResult<Page<T>> checkedPage(const ApiResponse &r, bool (*fromJson)(const QJsonObject &, T &))
{
    const QJsonValue data = r.data();
    if (!data.isArray())
        return malformed(r, "expected {\"data\": [...]}");
    Page<T> out;
    const QJsonArray items = data.toArray();
    for (const auto &v : items) {
        T item;
        if (!v.isObject() || !fromJson(v.toObject(), item))
            return malformed(r, "unexpected item shape");
        out.items.append(item);
    }
    out.nextCursor = r.nextCursor();
    return out;
}

inline ApiResult<NoContent> none(const ApiResponse &)
{
    return NoContent {};
}

} // namespace decode
} // namespace corkboard::client
