#include "app/shell/desktop_session.h"

#include "app/shell/single_instance.h"

#include "app/account/sign_in_dialog.h"
#include "app/shell/app_settings.h"
#include "app/shell/certificate_check.h"
#include "app/shell/embedded_server.h"
#include "app/shell/first_run_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "server/platform/log.h"
#include "shared/client/server_browser.h"

#include <QDir>
#include <algorithm>

namespace corkboard::ui {

DesktopSession::DesktopSession(
    Config config, AppSettings *settings, BackendFactory factory, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_settings(settings)
    , m_factory(std::move(factory))
    , m_window(std::make_unique<MainWindow>(settings))
{
    connect(m_window.get(), &MainWindow::signOutRequested, this, &DesktopSession::signOut);
    connect(m_window.get(), &MainWindow::retryRequested, this, &DesktopSession::retryNow);
    connect(
        m_window.get(), &MainWindow::changeServerRequested, this, &DesktopSession::changeServer);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &DesktopSession::retryNow);
    connect(m_window.get(), &MainWindow::quitRequested, this, &DesktopSession::quit);
    connect(m_window.get(), &MainWindow::languageChanged, this, [this] {
        MessageBox::information(m_window.get(), tr("Language"),
            tr("The new language is used from the next start of Corkboard."));
    });
    connect(m_window.get(), &MainWindow::lanSharingChanged, this, [this](bool share, int port) {
        MessageBox::information(m_window.get(), tr("Sharing on the local network"),
            share ? tr("From the next start, others on your network can connect to "
                       "this computer on port %1.")
                        .arg(port)
                  : tr("From the next start, the boards are no longer shared."));
    });
}

DesktopSession::~DesktopSession()
{
    // The window and its pages hold callbacks into the backend: drop them first.
    m_window.reset();
}

void DesktopSession::start()
{
    m_window->show();
    switch (m_settings->shape()) {
    case AppSettings::Shape::Unset:
        askFirstRun();
        break;
    case AppSettings::Shape::Local:
        startLocal(false);
        break;
    case AppSettings::Shape::Remote:
        connectTo(m_settings->remoteUrl(), false);
        break;
    }
}

void DesktopSession::askFirstRun()
{
    m_window->showBusy(tr("Welcome to Corkboard."));
    m_firstRun = new FirstRunDialog(m_window.get());
    m_firstRun->setAttribute(Qt::WA_DeleteOnClose);
    m_firstRun->setServerTrust(m_settings->serverTrust());
    m_firstRun->startDiscovery(client::makeServerBrowser());
    connect(m_firstRun, &FirstRunDialog::localChosen, this, [this] {
        m_settings->setShape(AppSettings::Shape::Local);
        startLocal(true);
    });
    connect(m_firstRun, &FirstRunDialog::remoteChosen, this, [this](const QUrl &url) {
        m_settings->setShape(AppSettings::Shape::Remote);
        m_settings->setRemoteUrl(url);
        connectTo(url, true);
    });
    m_firstRun->open();
}

void DesktopSession::startLocal(bool firstRun)
{
    m_window->showBusy(tr("Starting the board server on this computer…"));
    Config config = m_config;
    if (m_settings->shareOnLan()) {
        config.host = QStringLiteral("0.0.0.0");
        config.port = m_settings->lanPort();
    } else if (config.port == 0 && !firstRun) {
        // The same port as last time: the server's URL names the keychain entry.
        config.port = m_settings->localPort();
    }
    QDir().mkpath(config.dataDir);
    m_server = std::make_unique<EmbeddedServer>(config);
    connect(
        m_server.get(), &EmbeddedServer::started, this, [this, firstRun](const QString &baseUrl) {
            if (m_backend) // a restart: the backend reconnects by itself
                return;
            QUrl url(baseUrl);
            if (!m_settings->shareOnLan())
                m_settings->setLocalPort(url.port());
            if (url.host() == QLatin1String("0.0.0.0"))
                url.setHost(QStringLiteral("127.0.0.1"));
            // Our own server's certificate needs no question: this process made it.
            m_settings->setServedFingerprint(m_server->fingerprint());
            if (!m_server->fingerprint().isEmpty())
                m_settings->serverTrust()->pin(url, m_server->fingerprint());
            connectTo(url, firstRun);
        });
    connect(m_server.get(), &EmbeddedServer::failed, this, [this](const QString &message) {
        logging::write(lcServer(), QtCriticalMsg, QStringLiteral("embedded server failed to start"),
            {{QStringLiteral("error"), message}});
        m_window->showFailure(tr("The board server could not start: %1").arg(message));
    });
    connect(m_server.get(), &EmbeddedServer::stopped, this, [this] {
        if (m_quitting)
            Q_EMIT finished(0);
    });
    m_server->start();
}

void DesktopSession::connectTo(const QUrl &url, bool firstRun)
{
    m_retry.stop();
    m_retryAttempt = 0;
    if (url.scheme() == QLatin1String("https") && m_certificateChecked != url) {
        m_window->showBusy(tr("Checking the server's certificate…"));
        auto *check = new CertificateCheck(m_settings->serverTrust(), m_window.get());
        check->run(url, [this, check, url, firstRun](bool proceed, const QString &message) {
            check->deleteLater();
            if (!proceed) {
                m_refusedUrl = url; // Retry asks again
                m_window->showFailure(message);
                return;
            }
            m_certificateChecked = url;
            connectTo(url, firstRun);
        });
        return;
    }
    delete m_backend;
    m_backend = m_factory(url, this);
    connect(m_backend, &Backend::sessionEnded, this, [this] {
        m_window->endSession();
        showSignIn(false);
    });
    connect(m_backend, &Backend::certificateRefused, this, &DesktopSession::reviewCertificate);
    signInSilently(firstRun);
}

void DesktopSession::signInSilently(bool firstRun)
{
    if (firstRun) {
        showSignIn(m_settings->shape() == AppSettings::Shape::Local);
        return;
    }
    m_window->showBusy(tr("Signing in…"));
    m_backend->resumeSession(this, [this](const Outcome<User> &result) {
        if (result.ok()) {
            onSignedIn(*result.value);
            return;
        }
        if (result.error.isOffline() || result.error.status >= 500) {
            showUnreachable(result.error.message);
            return;
        }
        m_retryAttempt = 0;
        showSignIn(false);
    });
}

void DesktopSession::showSignIn(bool firstAccount)
{
    m_window->showBusy(
        firstAccount ? tr("Create the first account to start.") : tr("Please sign in."));
    m_signIn = new SignInDialog(m_backend,
        firstAccount ? SignInDialog::Mode::FirstAccount : SignInDialog::Mode::SignInOrRegister,
        m_window.get());
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signIn, &SignInDialog::signedIn, this, &DesktopSession::onSignedIn);
    m_signIn->open();
}

void DesktopSession::showUnreachable(const QString &message)
{
    const int delay = std::min(30000, m_retryBaseMs << std::min(m_retryAttempt, 5));
    ++m_retryAttempt;
    m_window->showFailure(tr("The board server %1 cannot be reached: %2\nTrying again in %n "
                             "second(s) — or press Retry.",
        nullptr, (delay + 999) / 1000)
                              .arg(m_backend->serverUrl(), message));
    m_retry.start(delay);
}

void DesktopSession::reviewCertificate(const QString &message)
{
    if (m_certificateReview || !m_backend)
        return;
    // Mid-session, the server answered with another certificate than the one pinned: nothing
    // more is sent until the person has compared the new fingerprint. The board stays open
    // underneath (nothing typed is lost); refused, the session ends with Retry to ask again.
    const QUrl url(m_backend->serverUrl());
    m_certificateChecked.clear();
    m_certificateReview = new CertificateCheck(m_settings->serverTrust(), m_window.get());
    m_certificateReview->run(url, [this, url, message](bool proceed, const QString &why) {
        m_certificateReview->deleteLater();
        m_certificateReview = nullptr;
        if (!m_backend)
            return;
        if (proceed) {
            m_certificateChecked = url;
            m_backend->resumeAfterCertificate();
            return;
        }
        m_window->endSession();
        m_backend->suspend();
        m_backend->deleteLater();
        m_backend = nullptr;
        m_refusedUrl = url; // Retry asks again
        m_window->showFailure(why.isEmpty() ? message : why);
    });
}

void DesktopSession::retryNow()
{
    m_retry.stop();
    if (m_quitting)
        return;
    if (!m_backend) {
        if (m_server) // the embedded server did not start: try it again
            m_server->start();
        else if (m_refusedUrl.isValid()) // its certificate was refused: ask again
            connectTo(std::exchange(m_refusedUrl, QUrl()), false);
        return;
    }
    signInSilently(false);
}

void DesktopSession::changeServer()
{
    m_retry.stop();
    m_retryAttempt = 0;
    m_window->endSession();
    if (m_backend) {
        m_backend->suspend();
        m_backend->deleteLater();
        m_backend = nullptr;
    }
    if (m_signIn)
        m_signIn->close();
    // The local server stops (its destructor waits for it); "this computer" starts it again.
    m_server.reset();
    m_settings->setShape(AppSettings::Shape::Unset);
    askFirstRun();
}

void DesktopSession::onSignedIn(const User &account)
{
    m_retry.stop();
    m_retryAttempt = 0;
    m_window->startSession(m_backend, account, m_config.dataDir, m_server != nullptr);
    m_signedIn = true;
    for (const QString &link : std::exchange(m_pendingLinks, {}))
        m_window->openLink(link);
    Q_EMIT sessionStarted();
}

void DesktopSession::signOut()
{
    if (!m_backend)
        return;
    m_retry.stop();
    m_signedIn = false;
    m_window->finishPendingWork([this] {
        if (!m_backend || m_signedIn)
            return;
        m_window->endSession();
        m_backend->signOut();
        showSignIn(false);
    });
}

void DesktopSession::handleRequests(const QStringList &requests)
{
    for (const QString &request : requests) {
        if (request == QLatin1String(SingleInstance::kShow)) {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        } else if (m_signedIn && m_window) {
            m_window->openLink(request);
        } else if (m_pendingLinks.size() < 16) {
            m_pendingLinks.append(request);
        }
    }
}

void DesktopSession::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    m_window->hide();
    m_window->finishPendingWork([this] {
        m_window->endSession();
        if (m_backend)
            m_backend->suspend();
        if (m_server)
            m_server->stop();
        else
            Q_EMIT finished(0);
    });
}

void DesktopSession::stopServer()
{
    if (m_server)
        m_server->stop();
}

void DesktopSession::restartServer()
{
    if (m_server)
        m_server->start();
}

} // namespace corkboard::ui
