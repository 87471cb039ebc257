#pragma once

#include "shared/client/api_error.h"

#include <QFuture>
#include <QPromise>
#include <memory>
#include <optional>
#include <utility>
#include <variant>

namespace corkboard::client {

//! The value of a call that answers 204 / has nothing to return.
struct NoContent
{
    bool operator==(const NoContent &) const = default;
};

//! Either the typed value of a call or the ApiError that stopped it.
template<typename T>
class ApiResult
{
public:
    ApiResult()
        : m_state(ApiError {})
    {
    }
    ApiResult(T value)
        : m_state(std::move(value))
    {
    }
    ApiResult(ApiError error)
        : m_state(std::move(error))
    {
    }

    bool isOk() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return isOk(); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const ApiError &error() const { return std::get<ApiError>(m_state); }

    //! Maps the value, keeping an error as it is.
    template<typename F>
    auto map(F &&f) const -> ApiResult<decltype(f(std::declval<const T &>()))>
    {
        if (isOk())
            return f(value());
        return error();
    }

private:
    std::variant<T, ApiError> m_state;
};

//! A promise shared between the callbacks of one asynchronous operation.
template<typename T>
class SharedPromise
{
public:
    SharedPromise()
        : m_promise(std::make_shared<QPromise<T>>())
    {
        m_promise->start();
    }
    QFuture<T> future() const { return m_promise->future(); }
    bool isFinished() const { return m_promise->future().isFinished(); }
    void finish(T value) const
    {
        m_promise->addResult(std::move(value));
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<T>> m_promise;
};

//! An already finished future (for calls rejected before they reach the network).
template<typename T>
QFuture<T> readyFuture(T value)
{
    SharedPromise<T> p;
    p.finish(std::move(value));
    return p.future();
}

} // namespace corkboard::client
