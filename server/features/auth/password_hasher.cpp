#include "server/features/auth/password_hasher.h"

#include "server/platform/app_error.h"
#include "server/platform/crypto.h"

#include <sodium.h>

namespace corkboard {

PasswordHasher::PasswordHasher(quint64 opsLimit, quint64 memLimit)
    : m_opsLimit(std::max<quint64>(opsLimit, crypto_pwhash_OPSLIMIT_MIN))
    , m_memLimit(std::max<size_t>(size_t(memLimit), crypto_pwhash_MEMLIMIT_MIN))
{
    crypto::initialize();
}

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), m_opsLimit, m_memLimit,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        throw AppError(ErrorCode::Internal, QStringLiteral("password hashing ran out of memory"));
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password) const
{
    const QByteArray encoded = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(encoded.constData(), utf8.constData(), quint64(utf8.size()))
        == 0;
}

bool PasswordHasher::needsRehash(const QString &encodedHash) const
{
    const QByteArray encoded = encodedHash.toLatin1();
    return crypto_pwhash_str_needs_rehash(encoded.constData(), m_opsLimit, m_memLimit) != 0;
}

void PasswordHasher::verifyDummy(const QString &password) const
{
    // Made on first use, not at start-up: hashing costs memLimit bytes of peak memory and time
    // that a starting desktop app or a server that never sees an unknown e-mail should not pay.
    std::call_once(m_dummyOnce, [this] {
        m_dummyHash = hash(QString::fromLatin1(crypto::randomBytes(16).toHex())).toLatin1();
    });
    const QByteArray utf8 = password.toUtf8();
    const int result
        = crypto_pwhash_str_verify(m_dummyHash.constData(), utf8.constData(), quint64(utf8.size()));
    Q_UNUSED(result);
}

} // namespace corkboard
