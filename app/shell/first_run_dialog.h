#pragma once

#include <QDialog>
#include <QHash>
#include <QUrl>
#include <memory>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QVBoxLayout;

namespace corkboard::client {
class DiscoveredServersModel;
class ServerBrowser;
class ServerTrust;
} // namespace corkboard::client

namespace corkboard::ui {

//! The first question on a new computer: a board server here, or a team's server elsewhere.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    QPushButton *localButton() const { return m_local; }
    QPushButton *connectButton() const { return m_connect; }
    QLineEdit *urlField() const { return m_url; }
    //! Choice ids of the "connect without encryption?" question (MessageBox::setNextAnswer).
    static constexpr int kConnectPlain = 1;
    static constexpr int kCancelPlain = 0;
    //! Where announced fingerprints go when a discovered server is picked.
    void setServerTrust(std::shared_ptr<client::ServerTrust> trust) { m_trust = std::move(trust); }
    //! Lists the servers this browser finds (the platform's: client::makeServerBrowser()).
    void startDiscovery(std::unique_ptr<client::ServerBrowser> browser);
    client::DiscoveredServersModel *discoveredServers() const { return m_discovered; }

Q_SIGNALS:
    void localChosen();
    void remoteChosen(const QUrl &serverUrl);

private:
    void tryConnect();
    void addDiscoveredServers(QVBoxLayout *layout);

    QPushButton *m_local = nullptr;
    QPushButton *m_connect = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QListView *m_found = nullptr;
    QLabel *m_discoveryState = nullptr;
    client::DiscoveredServersModel *m_discovered = nullptr;
    std::unique_ptr<client::ServerBrowser> m_browser;
    std::shared_ptr<client::ServerTrust> m_trust;
    QHash<QString, QString> m_announced; //!< url → fingerprint of servers picked from the list
};

} // namespace corkboard::ui
