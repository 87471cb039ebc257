#include "app/shell/certificate_check.h"

#include "app/shell/certificate_dialog.h"
#include "shared/client/api_client.h"
#include "shared/client/error_presenter.h"
#include "shared/client/server_api.h"
#include "shared/client/server_trust.h"
#include "shared/client/token_store.h"

namespace corkboard::ui {

CertificateCheck::CertificateCheck(std::shared_ptr<client::ServerTrust> trust, QWidget *parent)
    : QObject(parent)
    , m_trust(std::move(trust))
    , m_parent(parent)
{
}

CertificateCheck::~CertificateCheck() = default;

void CertificateCheck::run(const QUrl &server, Done done)
{
    if (server.scheme() != QLatin1String("https")) {
        done(true, QString());
        return;
    }
    client::ApiClient::Options options;
    options.maxRetries = 0;
    options.timeoutMs = 10000;
    delete m_probe;
    m_probe = new client::ApiClient(
        server, std::make_shared<client::MemoryTokenStore>(), options, this);
    m_probe->setServerTrust(m_trust);
    auto api = std::make_shared<client::ServerApi>(*m_probe);
    api->health().then(
        this, [this, server, done, api](const client::ApiResult<client::NoContent> &result) {
            onProbed(server, result ? nullptr : &result.error(), done);
        });
}

void CertificateCheck::onProbed(const QUrl &server, const client::ApiError *error, Done done)
{
    using Problem = client::ApiError::TlsProblem;
    if (!error || error->kind != client::ApiError::Kind::Tls) {
        done(true, QString()); // trusted (or not reachable: the session says so)
        return;
    }
    if (error->tlsProblem != Problem::Untrusted && error->tlsProblem != Problem::Changed) {
        done(false, client::ErrorPresenter::message(*error));
        return;
    }
    const bool changed = error->tlsProblem == Problem::Changed;
    auto *dialog = new CertificateDialog(
        changed ? CertificateDialog::Mode::Changed : CertificateDialog::Mode::FirstUse,
        server.host() + QLatin1Char(':') + QString::number(server.port(443)), error->fingerprint,
        changed ? error->pinnedFingerprint : m_trust->advertised(server), m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, server, dialog, done] {
        m_trust->pin(server, dialog->fingerprint());
        done(true, QString());
    });
    connect(dialog, &QDialog::rejected, this, [done, changed] {
        done(false,
            changed ? tr("Not connected: the server's certificate changed and was not accepted.")
                    : tr("Not connected: the server's certificate was not trusted."));
    });
    dialog->open();
}

} // namespace corkboard::ui
