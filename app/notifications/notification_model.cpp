#include "app/notifications/notification_model.h"
#include "app/notifications/notification_text.h"

#include <QFont>
#include <QLocale>

namespace corkboard::ui {

void NotificationModel::setNotifications(QList<Notification> list)
{
    beginResetModel();
    m_items = std::move(list);
    endResetModel();
    Q_EMIT unreadCountChanged(unreadCount());
}

void NotificationModel::prepend(const Notification &notification)
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == notification.id) {
            m_items[i] = notification;
            Q_EMIT dataChanged(index(i), index(i));
            Q_EMIT unreadCountChanged(unreadCount());
            return;
        }
    }
    beginInsertRows(QModelIndex(), 0, 0);
    m_items.prepend(notification);
    endInsertRows();
    Q_EMIT unreadCountChanged(unreadCount());
}

void NotificationModel::markRead(const QString &id)
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id && !m_items.at(i).read) {
            m_items[i].read = true;
            Q_EMIT dataChanged(index(i), index(i));
            Q_EMIT unreadCountChanged(unreadCount());
        }
    }
}

void NotificationModel::markAllRead()
{
    for (Notification &n : m_items)
        n.read = true;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1));
    Q_EMIT unreadCountChanged(0);
}

int NotificationModel::unreadCount() const
{
    return int(std::count_if(
        m_items.begin(), m_items.end(), [](const Notification &n) { return !n.read; }));
}

const Notification *NotificationModel::at(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Notification &n = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole: // who and when, then what
        return QString(notificationHeader(n) + QLatin1Char('\n') + notificationText(n));
    case Qt::ToolTipRole:
        return QLocale().toString(n.createdAt.toLocalTime(), QLocale::LongFormat);
    case Qt::AccessibleTextRole: {
        const QString text = notificationHeader(n) + QLatin1String(": ") + notificationText(n);
        return n.read ? text : tr("Unread: %1").arg(text);
    }
    case Qt::FontRole: {
        QFont f;
        f.setBold(!n.read);
        return f;
    }
    case IdRole:
        return n.id;
    case BoardIdRole:
        return n.boardId;
    case CardIdRole:
        return n.cardId;
    case ReadRole:
        return n.read;
    case KindRole:
        return n.kind;
    default:
        return {};
    }
}

} // namespace corkboard::ui
