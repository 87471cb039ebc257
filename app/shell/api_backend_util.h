#pragma once

// Helpers shared by the two halves of ApiBackend (session/live and resources).
#include "app/shell/backend.h"
#include "shared/client/api_client.h"

#include <QJsonArray>

namespace corkboard::ui {

//! A typed client's error in words a person can read (ErrorPresenter), with the card the server
//! has now on a card's 412.
UiError uiError(const client::ApiError &e);

namespace detail {

//! Hands a typed result to a Backend callback (through `conv` when the callback wants less);
//! dropped when `context` is gone.
template<class T, class U, class Conv>
void deliver(QFuture<client::ApiResult<T>> future, QObject *context, Callback<U> done, Conv conv)
{
    future.then(context, [done = std::move(done), conv](const client::ApiResult<T> &r) {
        if (!r) {
            done(Outcome<U>::failure(uiError(r.error())));
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

//! The typed value as it is.
template<class T>
void deliver(QFuture<client::ApiResult<T>> future, QObject *context, Callback<T> done)
{
    deliver(std::move(future), context, std::move(done), [](const T &v) { return v; });
}

} // namespace detail
} // namespace corkboard::ui
