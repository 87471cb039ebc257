#include "shared/client/server_browser.h"

namespace corkboard::client {

QUrl DiscoveredServer::url() const
{
    QUrl u;
    u.setScheme(record.tls ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(host);
    u.setPort(port);
    return u;
}

DiscoveredServersModel::DiscoveredServersModel(QObject *parent)
    : QAbstractListModel(parent)
{
    qRegisterMetaType<DiscoveredServer>();
}

void DiscoveredServersModel::setBrowser(ServerBrowser *browser)
{
    connect(browser, &ServerBrowser::found, this, &DiscoveredServersModel::add);
    connect(browser, &ServerBrowser::lost, this, &DiscoveredServersModel::remove);
    connect(browser, &ServerBrowser::availabilityChanged, this,
        [this](bool available, const QString &reason) {
            m_available = available;
            m_reason = reason;
            if (!available && !m_servers.isEmpty()) {
                beginResetModel();
                m_servers.clear();
                endResetModel();
            }
            Q_EMIT availabilityChanged(available, reason);
        });
    m_available = browser->isAvailable();
}

int DiscoveredServersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

QVariant DiscoveredServersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const DiscoveredServer &s = m_servers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 — %2:%3").arg(s.name, s.host).arg(s.port);
    case Qt::ToolTipRole:
        return s.record.tls ? tr("Certificate fingerprint (SHA-256): %1").arg(s.record.fingerprint)
                            : tr("This server does not use HTTPS.");
    case NameRole:
        return s.name;
    case UrlRole:
        return s.url();
    case FingerprintRole:
        return s.record.fingerprint;
    case TlsRole:
        return s.record.tls;
    case VersionRole:
        return s.record.version;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> DiscoveredServersModel::roleNames() const
{
    auto roles = QAbstractListModel::roleNames();
    roles.insert(NameRole, "name");
    roles.insert(UrlRole, "url");
    roles.insert(FingerprintRole, "fingerprint");
    roles.insert(TlsRole, "tls");
    roles.insert(VersionRole, "version");
    return roles;
}

void DiscoveredServersModel::add(const DiscoveredServer &server)
{
    for (int row = 0; row < m_servers.size(); ++row) {
        if (m_servers.at(row).name == server.name) {
            m_servers[row] = server;
            const QModelIndex at = index(row);
            Q_EMIT dataChanged(at, at);
            return;
        }
    }
    const int row = int(m_servers.size());
    beginInsertRows(QModelIndex(), row, row);
    m_servers.append(server);
    endInsertRows();
}

void DiscoveredServersModel::remove(const QString &name)
{
    for (int row = 0; row < m_servers.size(); ++row) {
        if (m_servers.at(row).name == name) {
            beginRemoveRows(QModelIndex(), row, row);
            m_servers.removeAt(row);
            endRemoveRows();
            return;
        }
    }
}

} // namespace corkboard::client
