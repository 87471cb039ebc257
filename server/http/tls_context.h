#pragma once

#include <QDateTime>
#include <QMutex>
#include <QSslConfiguration>
#include <QString>

namespace corkboard {

struct TlsIdentity;

//! The server's TLS settings, shared by every server thread: each new connection takes a copy
//! of the current configuration, so a reload (SIGHUP) applies to connections from then on and
//! never disturbs open ones. TLS 1.2 or newer, Qt's default ciphers, no client certificates.
class TlsContext
{
public:
    //! Parses the identity; throws std::runtime_error naming what is wrong (unreadable PEM,
    //! a key that does not belong to the certificate).
    void install(const TlsIdentity &identity);
    bool isEnabled() const;
    QSslConfiguration configuration() const;
    //! "AB:CD:…" (see certificateFingerprint), empty when TLS is off.
    QString fingerprint() const;
    QDateTime expiresAt() const;
    QString certificatePath() const;
    bool isSelfSigned() const;

private:
    mutable QMutex m_mutex;
    bool m_enabled = false;
    QSslConfiguration m_configuration;
    QString m_fingerprint;
    QDateTime m_expiresAt;
    QString m_path;
    bool m_selfSigned = false;
};

} // namespace corkboard
