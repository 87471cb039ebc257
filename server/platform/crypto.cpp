#include "server/platform/crypto.h"

#include <QDateTime>
#include <sodium.h>
#include <stdexcept>

namespace corkboard::crypto {

void initialize()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    randombytes_buf(out.data(), size_t(count));
    return out;
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray fromBase64Url(const QByteArray &text, bool *ok)
{
    auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = bool(result);
    return result ? *result : QByteArray();
}

QString newId()
{
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    QByteArray b = randomBytes(16);
    auto *u = reinterpret_cast<unsigned char *>(b.data());
    for (int i = 0; i < 6; ++i)
        u[i] = static_cast<unsigned char>((ms >> (8 * (5 - i))) & 0xFF);
    u[6] = static_cast<unsigned char>(0x70 | (u[6] & 0x0F));
    u[8] = static_cast<unsigned char>(0x80 | (u[8] & 0x3F));
    const QByteArray hex = b.toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-'
        + hex.mid(16, 4) + '-' + hex.mid(20));
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(
        &state, reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(&state,
        reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(out.data()),
        reinterpret_cast<const unsigned char *>(data.constData()), quint64(data.size()));
    return out;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace corkboard::crypto
