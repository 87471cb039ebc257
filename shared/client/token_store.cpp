#include "shared/client/token_store.h"

namespace corkboard::client {

QString TokenKey::storageKey() const
{
    return server + QLatin1Char('|') + account;
}

QFuture<TokenRead> MemoryTokenStore::readToken(const TokenKey &key)
{
    const auto it = m_tokens.constFind(key.storageKey());
    if (it == m_tokens.constEnd())
        return readyFuture(TokenRead(std::optional<QString>()));
    return readyFuture(TokenRead(std::optional<QString>(*it)));
}

QFuture<ApiResult<NoContent>> MemoryTokenStore::writeToken(
    const TokenKey &key, const QString &token)
{
    m_tokens.insert(key.storageKey(), token);
    ++m_writes;
    return readyFuture(ApiResult<NoContent>(NoContent {}));
}

QFuture<ApiResult<NoContent>> MemoryTokenStore::removeToken(const TokenKey &key)
{
    m_tokens.remove(key.storageKey());
    return readyFuture(ApiResult<NoContent>(NoContent {}));
}

} // namespace corkboard::client
