#include "shared/client/server_trust.h"

#include "shared/tls_fingerprint.h"

#include <QMutexLocker>
#include <QSettings>
#include <QSslCertificate>
#include <QSslError>

namespace corkboard::client {

namespace {
const QString kGroup = QStringLiteral("pinned_certificates");

// QSettings keys treat '/' and '\' specially; "host:port" has neither, but IPv6 brackets and
// colons are fine as they are. Percent-encode anything else odd.
QString settingsKey(const QString &server)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(server, ":[]."));
}

bool isIssuerProblem(QSslError::SslError e)
{
    switch (e) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
    case QSslError::InvalidCaCertificate:
        return true;
    default:
        return false;
    }
}
} // namespace

QString MemoryPinStore::pin(const QString &server) const
{
    QMutexLocker lock(&m_mutex);
    return m_pins.value(server);
}

void MemoryPinStore::setPin(const QString &server, const QString &fingerprint)
{
    QMutexLocker lock(&m_mutex);
    m_pins.insert(server, fingerprint);
}

void MemoryPinStore::removePin(const QString &server)
{
    QMutexLocker lock(&m_mutex);
    m_pins.remove(server);
}

SettingsPinStore::SettingsPinStore(QString fileName)
    : m_fileName(std::move(fileName))
{
}

QString SettingsPinStore::pin(const QString &server) const
{
    const auto settings = m_fileName.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(m_fileName, QSettings::IniFormat);
    return normalizedFingerprint(
        settings->value(kGroup + QLatin1Char('/') + settingsKey(server)).toString());
}

void SettingsPinStore::setPin(const QString &server, const QString &fingerprint)
{
    const auto settings = m_fileName.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(m_fileName, QSettings::IniFormat);
    settings->setValue(kGroup + QLatin1Char('/') + settingsKey(server), fingerprint);
    settings->sync();
}

void SettingsPinStore::removePin(const QString &server)
{
    const auto settings = m_fileName.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(m_fileName, QSettings::IniFormat);
    settings->remove(kGroup + QLatin1Char('/') + settingsKey(server));
    settings->sync();
}

ServerTrust::ServerTrust(std::shared_ptr<PinStore> pins)
    : m_pins(pins ? std::move(pins) : std::make_shared<MemoryPinStore>())
{
}

QString ServerTrust::serverKey(const QUrl &server)
{
    const bool secure
        = server.scheme() == QLatin1String("https") || server.scheme() == QLatin1String("wss");
    QString host = server.host().toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return host + QLatin1Char(':') + QString::number(server.port(secure ? 443 : 80));
}

ServerTrust::Verdict ServerTrust::evaluate(
    const QUrl &server, const QSslCertificate &leaf, const QList<QSslError> &errors) const
{
    Verdict v;
    v.fingerprint = leaf.isNull() ? QString() : certificateFingerprint(leaf.toDer());
    QStringList words;
    bool issuer = false;
    bool expired = false;
    bool wrongHost = false;
    for (const QSslError &e : errors) {
        words << e.errorString();
        issuer = issuer || isIssuerProblem(e.error());
        expired = expired || e.error() == QSslError::CertificateExpired
            || e.error() == QSslError::CertificateNotYetValid;
        wrongHost = wrongHost || e.error() == QSslError::HostNameMismatch;
    }
    v.detail = words.join(QStringLiteral("; "));
    if (v.fingerprint.isEmpty()) {
        v.problem = ApiError::TlsProblem::Other;
        return v;
    }
    const QString key = serverKey(server);
    const QString announced = advertised(server);
    if (!announced.isEmpty() && announced != v.fingerprint) {
        v.problem = ApiError::TlsProblem::AdvertisedMismatch;
        v.pinned = announced;
        return v;
    }
    const QString pin = m_pins->pin(key);
    if (!pin.isEmpty()) {
        if (pin == v.fingerprint) {
            // The very certificate a person accepted for this server: its name, issuer and dates
            // were judged then (a self-signed LAN certificate names no CA, maybe not this IP).
            v.accept = true;
            return v;
        }
        v.problem = ApiError::TlsProblem::Changed;
        v.pinned = pin;
        return v;
    }
    if (expired)
        v.problem = ApiError::TlsProblem::Expired;
    else if (issuer)
        v.problem = ApiError::TlsProblem::Untrusted; // ask the person, then pin()
    else if (wrongHost)
        v.problem = ApiError::TlsProblem::WrongHost;
    else
        v.problem = ApiError::TlsProblem::Other;
    return v;
}

void ServerTrust::pin(const QUrl &server, const QString &fingerprint)
{
    const QString canonical = normalizedFingerprint(fingerprint);
    if (!canonical.isEmpty())
        m_pins->setPin(serverKey(server), canonical);
}

void ServerTrust::forget(const QUrl &server)
{
    m_pins->removePin(serverKey(server));
}

QString ServerTrust::pinned(const QUrl &server) const
{
    return m_pins->pin(serverKey(server));
}

void ServerTrust::setAdvertised(const QUrl &server, const QString &fingerprint)
{
    QMutexLocker lock(&m_mutex);
    const QString canonical = normalizedFingerprint(fingerprint);
    if (canonical.isEmpty())
        m_advertised.remove(serverKey(server));
    else
        m_advertised.insert(serverKey(server), canonical);
}

QString ServerTrust::advertised(const QUrl &server) const
{
    QMutexLocker lock(&m_mutex);
    return m_advertised.value(serverKey(server));
}

ApiError ServerTrust::toError(const Verdict &verdict)
{
    ApiError e = ApiError::transport(ApiError::Kind::Tls, verdict.detail);
    e.tlsProblem = verdict.problem;
    e.fingerprint = verdict.fingerprint;
    e.pinnedFingerprint = verdict.pinned;
    return e;
}

} // namespace corkboard::client
