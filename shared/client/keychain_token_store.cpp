#include "shared/client/keychain_token_store.h"

#include "shared/client/client_log.h"

#include <qt6keychain/keychain.h>

namespace corkboard::client {

namespace {

ApiError keychainError(const QKeychain::Job *job, const char *operation)
{
    // errorString() describes the backend failure; it never contains the secret.
    ApiError e = ApiError::transport(ApiError::Kind::Keychain,
        QStringLiteral("%1: %2").arg(QLatin1String(operation), job->errorString()));
    qCWarning(lcClientKeychain) << operation << "failed, error" << int(job->error())
                                << job->errorString();
    return e;
}

template<typename JobT>
JobT *newJob(const QString &service, const TokenKey &key)
{
    auto *job = new JobT(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(key.storageKey());
    return job;
}

} // namespace

KeychainTokenStore::KeychainTokenStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

QFuture<TokenRead> KeychainTokenStore::readToken(const TokenKey &key)
{
    SharedPromise<TokenRead> promise;
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        switch (read->error()) {
        case QKeychain::NoError:
            promise.finish(TokenRead(std::optional<QString>(read->textData())));
            return;
        case QKeychain::EntryNotFound:
            promise.finish(TokenRead(std::optional<QString>())); // signed out
            return;
        default:
            promise.finish(keychainError(read, "read"));
        }
    });
    job->start();
    return promise.future();
}

QFuture<ApiResult<NoContent>> KeychainTokenStore::writeToken(
    const TokenKey &key, const QString &token)
{
    if (token.toUtf8().size() > kMaxValueBytes) {
        return readyFuture(ApiResult<NoContent>(ApiError::transport(
            ApiError::Kind::Keychain, QStringLiteral("value too large for the keychain"))));
    }
    SharedPromise<ApiResult<NoContent>> promise;
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            promise.finish(NoContent {});
        else
            promise.finish(keychainError(finished, "write"));
    });
    job->start();
    return promise.future();
}

QFuture<ApiResult<NoContent>> KeychainTokenStore::removeToken(const TokenKey &key)
{
    SharedPromise<ApiResult<NoContent>> promise;
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound)
            promise.finish(NoContent {});
        else
            promise.finish(keychainError(finished, "delete"));
    });
    job->start();
    return promise.future();
}

} // namespace corkboard::client
