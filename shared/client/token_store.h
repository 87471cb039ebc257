#pragma once

#include "shared/client/api_result.h"

#include <QFuture>
#include <QHash>
#include <QString>
#include <optional>

namespace corkboard::client {

//! Which refresh token: one per server and account.
struct TokenKey
{
    QString server; //!< the server's base URL, e.g. "http://127.0.0.1:8080"
    QString account; //!< the user id
    bool operator==(const TokenKey &) const = default;
    //! "server|account", the key a store files the token under.
    QString storageKey() const;
};

//! Reading a token: a value, nullopt ("entry not found" = signed out), or a real store error.
using TokenRead = ApiResult<std::optional<QString>>;

//! Where the refresh token lives between runs. The access token is never given to a store.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    virtual QFuture<TokenRead> readToken(const TokenKey &key) = 0;
    virtual QFuture<ApiResult<NoContent>> writeToken(const TokenKey &key, const QString &token) = 0;
    //! Removing a token that is not there succeeds.
    virtual QFuture<ApiResult<NoContent>> removeToken(const TokenKey &key) = 0;
};

//! Keeps tokens in memory only (tests, and "don't remember me").
class MemoryTokenStore final : public TokenStore
{
public:
    QFuture<TokenRead> readToken(const TokenKey &key) override;
    QFuture<ApiResult<NoContent>> writeToken(const TokenKey &key, const QString &token) override;
    QFuture<ApiResult<NoContent>> removeToken(const TokenKey &key) override;
    int writeCount() const { return m_writes; }

private:
    QHash<QString, QString> m_tokens;
    int m_writes = 0;
};

} // namespace corkboard::client
