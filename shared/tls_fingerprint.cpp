#include "shared/tls_fingerprint.h"

#include <QCryptographicHash>

namespace corkboard {

QString formatFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QString certificateFingerprint(const QByteArray &der)
{
    return formatFingerprint(QCryptographicHash::hash(der, QCryptographicHash::Sha256));
}

QString normalizedFingerprint(const QString &text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        const char l = c.toLatin1();
        const bool isHex
            = (l >= '0' && l <= '9') || (l >= 'a' && l <= 'f') || (l >= 'A' && l <= 'F');
        if (!isHex)
            return QString();
        hex.append(l);
    }
    if (hex.size() != 64)
        return QString();
    return formatFingerprint(QByteArray::fromHex(hex));
}

} // namespace corkboard
