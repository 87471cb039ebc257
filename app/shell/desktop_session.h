#pragma once

#include "app/account/sign_in_dialog.h"
#include "app/shell/backend.h"
#include "app/shell/first_run_dialog.h"
#include "server/platform/config.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

namespace corkboard {
class EmbeddedServer;
}

namespace corkboard::ui {

class AppSettings;
class CertificateCheck;
class MainWindow;

//! The desktop's composition root: first run (a board server here, or a team's server),
//! the embedded server's life, silent sign-in from the keychain, the sign-in form, sign-out.
//! Every step is asynchronous; nothing here waits.
class DesktopSession : public QObject
{
    Q_OBJECT
public:
    //! Makes the backend for a server (the real one wraps ApiClient/LiveClient).
    using BackendFactory = std::function<Backend *(const QUrl &serverUrl, QObject *parent)>;

    DesktopSession(
        Config config, AppSettings *settings, BackendFactory factory, QObject *parent = nullptr);
    ~DesktopSession() override;

    void start();
    //! What another start of the program asked for (SingleInstance), or the links given on the
    //! command line: "show" brings the window to the front; a `corkboard://` link opens its
    //! card once signed in.
    void handleRequests(const QStringList &requests);
    //! Stops the embedded server (if any); finished() follows.
    void quit();

    MainWindow *window() const { return m_window.get(); }
    EmbeddedServer *server() const { return m_server.get(); }
    Backend *backend() const { return m_backend; }
    FirstRunDialog *firstRunDialog() const { return m_firstRun; }
    SignInDialog *signInDialog() const { return m_signIn; }
    //! Test seam: restart the embedded server on the same port (offline → online).
    void restartServer();
    void stopServer();
    //! Test seam: the first wait before trying an unreachable server again (doubles, ≤ 30 s).
    void setRetryDelay(int ms) { m_retryBaseMs = ms; }
    bool isRetryScheduled() const { return m_retry.isActive(); }

Q_SIGNALS:
    void finished(int exitCode);
    //! Signed in and the boards page is showing.
    void sessionStarted();

private:
    void askFirstRun();
    void startLocal(bool firstRun);
    void connectTo(const QUrl &url, bool firstRun);
    void signInSilently(bool firstRun);
    void showSignIn(bool firstAccount);
    void onSignedIn(const User &account);
    void signOut();
    //! The server could not be reached: say so, and try again by itself (and on Retry).
    void showUnreachable(const QString &message);
    void retryNow();
    void changeServer();
    //! The certificate changed while connected: ask the person (once) before going on.
    void reviewCertificate(const QString &message);

    Config m_config;
    AppSettings *m_settings;
    BackendFactory m_factory;
    QUrl m_certificateChecked; //!< the HTTPS server whose certificate was accepted this run
    QUrl m_refusedUrl; //!< a server whose certificate was not accepted (Retry asks again)
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<EmbeddedServer> m_server;
    Backend *m_backend = nullptr;
    QPointer<FirstRunDialog> m_firstRun;
    QPointer<SignInDialog> m_signIn;
    QPointer<CertificateCheck> m_certificateReview; //!< the review in progress, if any
    bool m_quitting = false;
    QTimer m_retry;
    int m_retryBaseMs = 2000;
    int m_retryAttempt = 0;
    bool m_signedIn = false;
    QStringList m_pendingLinks; //!< links that arrived before the sign-in
};

} // namespace corkboard::ui
