#pragma once

#include "shared/client/token_store.h"

#include <QObject>

namespace corkboard::client {

//! Keeps refresh tokens in the OS keychain (Secret Service, Keychain, Credential Manager) through
//! QtKeychain, filed under "server|account". "Entry not found" reads as signed out; every other
//! keychain failure is reported as an ApiError of kind Keychain. There is no plaintext fallback.
class KeychainTokenStore final : public QObject, public TokenStore
{
    Q_OBJECT
public:
    //! Values above this are refused (the Windows Credential Manager limit is 2.5 KB).
    static constexpr int kMaxValueBytes = 2500;

    explicit KeychainTokenStore(
        QString service = QStringLiteral("corkboard"), QObject *parent = nullptr);

    QFuture<TokenRead> readToken(const TokenKey &key) override;
    QFuture<ApiResult<NoContent>> writeToken(const TokenKey &key, const QString &token) override;
    QFuture<ApiResult<NoContent>> removeToken(const TokenKey &key) override;

private:
    QString m_service;
};

} // namespace corkboard::client
