#pragma once

#include "shared/dto/notification.h"

#include <QAbstractListModel>

namespace corkboard::ui {

//! The user's notifications, newest first; unread ones are bold.
class NotificationModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        BoardIdRole,
        CardIdRole,
        ReadRole,
        KindRole
    };

    using QAbstractListModel::QAbstractListModel;

    void setNotifications(QList<Notification> list);
    //! A live one: added at the top (or replaced when already known).
    void prepend(const Notification &notification);
    void markRead(const QString &id);
    void markAllRead();
    int unreadCount() const;
    const Notification *at(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void unreadCountChanged(int count);

private:
    QList<Notification> m_items;
};

} // namespace corkboard::ui
