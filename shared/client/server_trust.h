#pragma once

#include "shared/client/api_error.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>
#include <memory>

class QSslCertificate;
class QSslError;

namespace corkboard::client {

//! Where pinned server certificates are kept: one fingerprint per server ("host:port"). Pins
//! are public facts (a certificate's hash), so they live in settings, never in the keychain.
class PinStore
{
public:
    virtual ~PinStore() = default;
    virtual QString pin(const QString &server) const = 0;
    virtual void setPin(const QString &server, const QString &fingerprint) = 0;
    virtual void removePin(const QString &server) = 0;
};

//! Pins for this run only (tests, and a client nobody configured).
class MemoryPinStore final : public PinStore
{
public:
    QString pin(const QString &server) const override;
    void setPin(const QString &server, const QString &fingerprint) override;
    void removePin(const QString &server) override;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_pins;
};

//! Pins in a QSettings file (group "pinned_certificates"); `fileName` empty: the application's
//! own settings.
class SettingsPinStore final : public PinStore
{
public:
    explicit SettingsPinStore(QString fileName = QString());
    QString pin(const QString &server) const override;
    void setPin(const QString &server, const QString &fingerprint) override;
    void removePin(const QString &server) override;

private:
    QString m_fileName;
};

//! Decides whether a TLS connection to a server goes on, the way a person decided: a
//! certificate the system trusts is accepted as usual; one it does not trust is accepted only
//! when its SHA-256 fingerprint is the one pinned for that server; the first one is answered
//! with an "untrusted certificate" outcome carrying the fingerprint (ask, then pin()); a
//! different one later is refused as "changed" until someone accepts it deliberately (pin()
//! again). Thread-safe; shared by the ApiClient and the LiveClient of one window.
class ServerTrust
{
public:
    explicit ServerTrust(std::shared_ptr<PinStore> pins = nullptr);

    //! "host:port" (lower case, default ports filled in) — the key pins are kept under.
    static QString serverKey(const QUrl &server);

    struct Verdict
    {
        bool accept = false;
        ApiError::TlsProblem problem = ApiError::TlsProblem::None;
        QString fingerprint; //!< the certificate presented
        QString pinned; //!< the one pinned before (Changed)
        QString detail; //!< the TLS library's words, for logs
    };
    //! Called with the errors the system's verification found (never with none: a certificate
    //! without errors is trusted by the system and never asks).
    Verdict evaluate(
        const QUrl &server, const QSslCertificate &leaf, const QList<QSslError> &errors) const;

    //! The person accepted this fingerprint for this server (first use, or a reviewed change).
    void pin(const QUrl &server, const QString &fingerprint);
    void forget(const QUrl &server);
    QString pinned(const QUrl &server) const;
    //! What the server announced on the network (DNS-SD TXT). A certificate with another
    //! fingerprint is refused as a mismatch even before anyone is asked.
    void setAdvertised(const QUrl &server, const QString &fingerprint);
    QString advertised(const QUrl &server) const;

    //! The verdict as an ApiError of kind Tls (for the typed client's outcomes).
    static ApiError toError(const Verdict &verdict);

private:
    std::shared_ptr<PinStore> m_pins;
    mutable QMutex m_mutex;
    QHash<QString, QString> m_advertised;
};

} // namespace corkboard::client
