#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace corkboard {

struct Config;

//! The server's TLS certificate and private key (PEM) and where they came from.
struct TlsIdentity
{
    QByteArray certificatePem; //!< the leaf first, then any chain
    QByteArray privateKeyPem;
    QString certificatePath;
    bool generated = false; //!< self-signed in the data dir (not CORKBOARD_TLS_CERT)
};

namespace tls_identity {

//! CORKBOARD_TLS_CERT + CORKBOARD_TLS_KEY when configured (read again on every call, which is
//! how SIGHUP reloads them); otherwise the self-signed pair in <dataDir>/tls, generated on the
//! first call and kept from then on (so its fingerprint, which clients pin, stays the same).
//! Throws ConfigError when configured files cannot be read or do not match.
TlsIdentity load(const Config &config);

//! A new self-signed certificate (ECDSA P-256, SHA-256, serverAuth) for these names and
//! addresses, valid for `days`. Made with OpenSSL's libcrypto.
TlsIdentity generateSelfSigned(const QString &commonName, const QStringList &dnsNames,
    const QList<QHostAddress> &addresses, int days);

//! This host's name (and "localhost") and every address of its interfaces: what a self-signed
//! certificate names.
QStringList localDnsNames();
QList<QHostAddress> localAddresses();

} // namespace tls_identity

} // namespace corkboard
