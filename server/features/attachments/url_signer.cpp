#include "server/features/attachments/url_signer.h"

#include "server/platform/crypto.h"
#include "server/platform/database.h"

namespace corkboard {

namespace {
const QString kKeyName = QStringLiteral("attachment_url_key");

QByteArray message(
    const QByteArray &method, const QString &path, qint64 expires, const QString &attachmentId)
{
    return method + '\n' + path.toUtf8() + '\n' + QByteArray::number(expires) + '\n'
        + attachmentId.toUtf8();
}
} // namespace

const QByteArray &UrlSigner::key()
{
    if (!m_key.isEmpty())
        return m_key;
    // First use anywhere makes the key; a concurrent first use keeps the row that won.
    SqlQuery insert(m_db,
        QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                       "NOTHING"));
    insert.bind(0, kKeyName).bind(1, crypto::base64Url(crypto::randomBytes(32))).exec();
    SqlQuery q(m_db, QStringLiteral("SELECT value FROM server_meta WHERE key = ?"));
    q.bind(0, kKeyName).exec();
    if (q.next())
        m_key = crypto::fromBase64Url(q.value(0).toString().toLatin1());
    return m_key;
}

QByteArray UrlSigner::sign(const QByteArray &method, const QString &path, qint64 expiresAtSeconds,
    const QString &attachmentId)
{
    return crypto::base64Url(
        crypto::hmacSha256(key(), message(method, path, expiresAtSeconds, attachmentId)))
        .toLatin1();
}

bool UrlSigner::verify(const QByteArray &method, const QString &path, qint64 expiresAtSeconds,
    const QString &attachmentId, const QByteArray &signature)
{
    bool ok = false;
    const QByteArray given = crypto::fromBase64Url(signature, &ok);
    if (!ok || key().isEmpty())
        return false;
    return crypto::constantTimeEquals(
        given, crypto::hmacSha256(key(), message(method, path, expiresAtSeconds, attachmentId)));
}

} // namespace corkboard
