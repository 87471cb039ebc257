#pragma once

#include "shared/discovery_record.h"

#include <QAbstractListModel>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

namespace corkboard::client {

//! One Corkboard server found on the network.
struct DiscoveredServer
{
    QString name; //!< the announced service name ("Corkboard on desk-7")
    QString host; //!< the address it resolved to
    quint16 port = 0;
    DiscoveryRecord record;
    //! https://host:port (http:// when it announced tls=0).
    QUrl url() const;
};

//! Finds `_corkboard._tcp` services. An interface so other platforms can plug in Bonjour; on
//! Linux it is Avahi (makeServerBrowser()). Signals arrive on the thread that created it.
class ServerBrowser : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start() = 0;
    virtual bool isAvailable() const = 0;

Q_SIGNALS:
    void found(const corkboard::client::DiscoveredServer &server);
    //! The service of that name is gone from every interface.
    void lost(const QString &name);
    //! Discovery works (true) or not, with a reason for people (e.g. Avahi is not running).
    void availabilityChanged(bool available, const QString &reason);
};

//! The platform's browser (Avahi on Linux).
std::unique_ptr<ServerBrowser> makeServerBrowser();

//! The servers a browser found, as they appear and vanish, for the connect dialog. Keyed by
//! service name; a server seen again replaces its row's address and record.
class DiscoveredServersModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        UrlRole,
        FingerprintRole,
        TlsRole,
        VersionRole,
    };

    explicit DiscoveredServersModel(QObject *parent = nullptr);
    //! Follows this browser from now on (the model does not own it).
    void setBrowser(ServerBrowser *browser);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    DiscoveredServer server(int row) const { return m_servers.at(row); }
    bool isAvailable() const { return m_available; }
    QString unavailableReason() const { return m_reason; }

    void add(const DiscoveredServer &server);
    void remove(const QString &name);

Q_SIGNALS:
    void availabilityChanged(bool available, const QString &reason);

private:
    QList<DiscoveredServer> m_servers;
    bool m_available = true;
    QString m_reason;
};

} // namespace corkboard::client

Q_DECLARE_METATYPE(corkboard::client::DiscoveredServer)
