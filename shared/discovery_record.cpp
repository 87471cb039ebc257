#include "shared/discovery_record.h"

#include "shared/tls_fingerprint.h"

namespace corkboard {

QList<QByteArray> DiscoveryRecord::toTxt() const
{
    QList<QByteArray> out {QByteArrayLiteral("txtvers=1"), "version=" + version.toUtf8().left(64),
        "api=" + apiVersion.toUtf8().left(16), tls ? QByteArrayLiteral("tls=1") : "tls=0"};
    const QString fp = normalizedFingerprint(fingerprint);
    if (tls && !fp.isEmpty())
        out.append("fp=" + fp.toLatin1());
    return out;
}

DiscoveryRecord DiscoveryRecord::fromTxt(const QList<QByteArray> &entries, bool *ok)
{
    DiscoveryRecord r;
    r.apiVersion.clear();
    bool versioned = false;
    for (const QByteArray &entry : entries) {
        const qsizetype eq = entry.indexOf('=');
        const QByteArray key = (eq < 0 ? entry : entry.left(eq)).toLower();
        const QByteArray value = eq < 0 ? QByteArray() : entry.mid(eq + 1);
        if (key == "txtvers")
            versioned = value == "1";
        else if (key == "version")
            r.version = QString::fromUtf8(value);
        else if (key == "api")
            r.apiVersion = QString::fromUtf8(value);
        else if (key == "tls")
            r.tls = value == "1";
        else if (key == "fp")
            r.fingerprint = normalizedFingerprint(QString::fromLatin1(value));
    }
    if (!r.tls)
        r.fingerprint.clear();
    if (ok)
        *ok = versioned;
    return r;
}

} // namespace corkboard
