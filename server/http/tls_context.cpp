#include "server/http/tls_context.h"

#include "server/platform/tls_identity.h"
#include "shared/tls_fingerprint.h"

#include <QMutexLocker>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <stdexcept>

namespace corkboard {

void TlsContext::install(const TlsIdentity &identity)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(identity.certificatePem);
    if (chain.isEmpty() || chain.first().isNull())
        throw std::runtime_error("the TLS certificate is not a PEM certificate");
    QSslKey key(identity.privateKeyPem, QSsl::Ec);
    if (key.isNull())
        key = QSslKey(identity.privateKeyPem, QSsl::Rsa);
    if (key.isNull())
        throw std::runtime_error("the TLS key is not an unencrypted PEM EC or RSA private key");
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    QMutexLocker lock(&m_mutex);
    m_configuration = c;
    m_enabled = true;
    m_fingerprint = certificateFingerprint(chain.first().toDer());
    m_expiresAt = chain.first().expiryDate().toUTC();
    m_path = identity.certificatePath;
    m_selfSigned = chain.first().isSelfSigned();
}

bool TlsContext::isEnabled() const
{
    QMutexLocker lock(&m_mutex);
    return m_enabled;
}

QSslConfiguration TlsContext::configuration() const
{
    QMutexLocker lock(&m_mutex);
    return m_configuration;
}

QString TlsContext::fingerprint() const
{
    QMutexLocker lock(&m_mutex);
    return m_fingerprint;
}

QDateTime TlsContext::expiresAt() const
{
    QMutexLocker lock(&m_mutex);
    return m_expiresAt;
}

QString TlsContext::certificatePath() const
{
    QMutexLocker lock(&m_mutex);
    return m_path;
}

bool TlsContext::isSelfSigned() const
{
    QMutexLocker lock(&m_mutex);
    return m_selfSigned;
}

} // namespace corkboard
