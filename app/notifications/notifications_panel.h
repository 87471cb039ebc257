#pragma once

#include "app/notifications/notification_model.h"
#include "app/shell/backend.h"

#include <QToolButton>
#include <QWidget>

class QListView;

namespace corkboard::ui {

//! The bell: shows the unread count and opens the panel.
class NotificationBell : public QToolButton
{
    Q_OBJECT
public:
    explicit NotificationBell(QWidget *parent = nullptr);
    void setCount(int count);
    int count() const { return m_count; }

protected:
    void changeEvent(QEvent *event) override;

private:
    //! A bell drawn in the palette's text colour (so a dark palette gets a light bell).
    void updateIcon();

    int m_count = 0;
};

//! The notifications list: mark read, mark all read, jump to the card. Fed live.
class NotificationsPanel : public QWidget
{
    Q_OBJECT
public:
    NotificationsPanel(Backend *backend, QWidget *parent = nullptr);

    NotificationModel *model() { return &m_model; }
    QListView *view() const { return m_view; }
    void reload();
    void add(const Notification &notification);

Q_SIGNALS:
    void jumpRequested(const QString &boardId, const QString &cardId);

private:
    Backend *m_backend;
    NotificationModel m_model;
    QListView *m_view = nullptr;
};

} // namespace corkboard::ui
