#pragma once

#include <memory>

#include <QByteArray>
#include <QString>
#include <QUrl>

class QSettings;

namespace corkboard::client {
class ServerTrust;
}

namespace corkboard::ui {

//! The desktop's own preferences (not server settings): where the boards live, LAN sharing,
//! language, keep running in the tray. Stored with QSettings; never holds secrets.
class AppSettings
{
public:
    enum class Shape
    {
        Unset,
        Local,
        Remote
    };

    //! `file` empty: the platform's default location (tests pass a temp file).
    explicit AppSettings(const QString &file = QString());
    ~AppSettings();

    Shape shape() const;
    void setShape(Shape shape);
    QUrl remoteUrl() const;
    void setRemoteUrl(const QUrl &url);
    bool shareOnLan() const;
    void setShareOnLan(bool share);
    int lanPort() const;
    void setLanPort(int port);
    QString language() const; //!< "" = system, "en", "de"
    void setLanguage(const QString &language);
    //! The account last signed in on `server` (a user id, not a secret; the token is in the
    //! keychain).
    QString accountFor(const QString &server) const;
    void setAccountFor(const QString &server, const QString &accountId);
    //! The port the embedded server used last (its URL names the keychain entry), 0 = any.
    int localPort() const;
    void setLocalPort(int port);
    bool keepInTray() const;
    void setKeepInTray(bool keep);
    //! The main window's size and place (QWidget::saveGeometry), empty the first time.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    //! The board open last on `server`, opened again at the next start ("" = the boards list).
    QString lastBoard(const QString &server) const;
    void setLastBoard(const QString &server, const QString &boardId);
    //! The window's certificate pins (kept in this settings file, not the keychain: they are
    //! public hashes), shared by every client the window creates.
    std::shared_ptr<client::ServerTrust> serverTrust();
    //! The fingerprint of the certificate this computer's shared server presents (this run
    //! only; empty while it is not shared), for the "Share on LAN" settings.
    QString servedFingerprint() const { return m_servedFingerprint; }
    //! The settings file (empty: the platform's default location); uploads to resume are kept
    //! beside the preferences (UploadResumeStore).
    QString file() const { return m_file; }
    void setServedFingerprint(const QString &fingerprint) { m_servedFingerprint = fingerprint; }

private:
    QString m_file;
    QSettings *m_settings;
    std::shared_ptr<client::ServerTrust> m_trust;
    QString m_servedFingerprint;
};

} // namespace corkboard::ui
