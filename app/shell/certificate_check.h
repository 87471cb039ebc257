#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <memory>

class QWidget;

namespace corkboard::client {
class ApiClient;
class ServerTrust;
struct ApiError;
} // namespace corkboard::client

namespace corkboard::ui {

//! Before the window talks to an HTTPS server: one probe through the typed client with the
//! window's pins. A certificate the system trusts, or the pinned one, goes on at once; the first
//! certificate of a server opens the fingerprint question; a changed one opens the review
//! (CertificateDialog); an answer "trust" pins it and goes on. `done(true)` means connect;
//! `done(false, message)` means do not (the person declined, or the certificate is unusable).
//! Network trouble is not this check's business: it goes on and the session shows it.
class CertificateCheck : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(bool proceed, const QString &message)>;

    CertificateCheck(std::shared_ptr<client::ServerTrust> trust, QWidget *parent);
    ~CertificateCheck() override;

    void run(const QUrl &server, Done done);

private:
    void onProbed(const QUrl &server, const client::ApiError *error, Done done);

    std::shared_ptr<client::ServerTrust> m_trust;
    QPointer<QWidget> m_parent;
    client::ApiClient *m_probe = nullptr;
};

} // namespace corkboard::ui
