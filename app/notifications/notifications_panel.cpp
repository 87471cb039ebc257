#include "app/notifications/notifications_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace corkboard::ui {

NotificationBell::NotificationBell(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("bell"));
    setCheckable(true);
    setIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setCount(0);
}

void NotificationBell::setCount(int count)
{
    m_count = count;
    setText(count > 0 ? QString::number(count) : QString());
    setAccessibleName(tr("Notifications, %n unread", nullptr, count));
    setToolTip(accessibleName());
}

NotificationsPanel::NotificationsPanel(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Notifications</b>"), this);
    auto *readAll = new QPushButton(tr("Mark all &read"), this);
    top->addWidget(title, 1);
    top->addWidget(readAll);
    layout->addLayout(top);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("notifications"));
    m_view->setAccessibleName(tr("Notifications"));
    m_view->setModel(&m_model);
    m_view->setWordWrap(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_view, 1);

    connect(readAll, &QPushButton::clicked, this, [this] {
        m_model.markAllRead();
        m_backend->markAllNotificationsRead(this, [this](const Outcome<Nothing> &r) {
            if (!r.ok())
                reload();
        });
    });
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(NotificationModel::IdRole).toString();
        m_model.markRead(id);
        m_backend->markNotificationRead(this, id, [](const Outcome<Nothing> &) {});
        Q_EMIT jumpRequested(index.data(NotificationModel::BoardIdRole).toString(),
            index.data(NotificationModel::CardIdRole).toString());
    });
}

void NotificationsPanel::reload()
{
    m_backend->listNotifications(this, [this](const Outcome<QList<dto::Notification>> &r) {
        if (r.ok())
            m_model.setNotifications(*r.value);
    });
}

void NotificationsPanel::add(const dto::Notification &notification)
{
    m_model.prepend(notification);
}

} // namespace corkboard::ui
