#pragma once

#include <QByteArray>
#include <QString>

namespace corkboard {

class Database;

//! Short-lived HMAC-SHA256 signatures (libsodium) for URLs that carry no user token: over the
//! method, the path, the expiry and the attachment id, with a server key kept in server_meta
//! (made on first use; every server thread and instance on the database shares it).
class UrlSigner
{
public:
    explicit UrlSigner(Database &db)
        : m_db(db)
    {
    }
    //! The `sig` query value for this request.
    QByteArray sign(const QByteArray &method, const QString &path, qint64 expiresAtSeconds,
        const QString &attachmentId);
    //! Constant-time check of a `sig` (URL-safe base64).
    bool verify(const QByteArray &method, const QString &path, qint64 expiresAtSeconds,
        const QString &attachmentId, const QByteArray &signature);

private:
    const QByteArray &key();
    Database &m_db;
    QByteArray m_key;
};

} // namespace corkboard
