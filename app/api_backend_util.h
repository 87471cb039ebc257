#pragma once

// Helpers shared by the two halves of ApiBackend (session/live and resources).
#include "app/backend.h"
#include "app/dto_convert.h"
#include "shared/client/api_client.h"

#include <QJsonArray>

namespace corkboard::ui::detail {

//! Hands a typed result to a Backend callback, converted; dropped when `context` is gone.
template<class T, class U, class Conv>
void deliver(QFuture<client::ApiResult<T>> future, QObject *context, Callback<U> done, Conv conv)
{
    future.then(context, [done = std::move(done), conv](const client::ApiResult<T> &r) {
        if (!r) {
            done(Outcome<U>::failure(convert::error(r.error())));
            return;
        }
        done(Outcome<U>::success(conv(r.value())));
    });
}

//! The items of {"data": [...]} through a parser.
template<class T, class Parse>
QList<T> arrayOf(const client::ApiResponse &r, Parse parse)
{
    QList<T> out;
    const QJsonArray items = r.data().toArray();
    out.reserve(items.size());
    for (const QJsonValue &v : items)
        out << parse(v.toObject());
    return out;
}

} // namespace corkboard::ui::detail
