#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace corkboard {

//! What a Corkboard server announces over DNS-SD (service type `_corkboard._tcp`): its TXT
//! record, encoded and decoded in one place for the server's advertiser and the client's
//! browser. Keys: txtvers=1, version=<server version>, api=v1, tls=1|0, fp=<SHA-256
//! fingerprint "AB:CD:…", only with tls=1>. Each entry stays under DNS-SD's 255-byte limit.
struct DiscoveryRecord
{
    static constexpr const char *kServiceType = "_corkboard._tcp";

    QString version;
    QString apiVersion = QStringLiteral("v1");
    bool tls = false;
    QString fingerprint; //!< canonical form; empty without TLS

    //! "key=value" strings, in a fixed order.
    QList<QByteArray> toTxt() const;
    //! Reads what another Corkboard wrote; unknown keys are ignored, a malformed fingerprint is
    //! dropped (never trusted half-read). `ok` false when it is not a Corkboard record at all.
    static DiscoveryRecord fromTxt(const QList<QByteArray> &entries, bool *ok = nullptr);
};

} // namespace corkboard
