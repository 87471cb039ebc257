#include "app/notifications/notifications_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace corkboard::ui {

NotificationBell::NotificationBell(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("bell"));
    setCheckable(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    updateIcon();
    setCount(0);
}

void NotificationBell::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcon();
    QToolButton::changeEvent(event);
}

void NotificationBell::updateIcon()
{
    const QIcon themed = QIcon::fromTheme(QStringLiteral("notifications"));
    if (!themed.isNull()) {
        setIcon(themed);
        return;
    }
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 32.0, size / 32.0);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::ButtonText));
        QPainterPath bell; // the dome, flaring at the rim
        bell.moveTo(6, 23);
        bell.lineTo(9, 19.5);
        bell.lineTo(9, 13.5);
        bell.cubicTo(9, 8.5, 12, 5.5, 16, 5.5);
        bell.cubicTo(20, 5.5, 23, 8.5, 23, 13.5);
        bell.lineTo(23, 19.5);
        bell.lineTo(26, 23);
        bell.closeSubpath();
        p.drawPath(bell);
        p.drawEllipse(QPointF(16, 4.5), 1.8, 1.8); // the loop on top
        p.drawEllipse(QPointF(16, 25.5), 2.8, 2.8); // the clapper
        p.end();
        icon.addPixmap(pixmap);
    }
    setIcon(icon);
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
    m_view->setAlternatingRowColors(true);
    m_view->setSpacing(2);
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
    m_backend->listNotifications(this, [this](const Outcome<QList<Notification>> &r) {
        if (r.ok())
            m_model.setNotifications(*r.value);
    });
}

void NotificationsPanel::add(const Notification &notification)
{
    m_model.prepend(notification);
}

} // namespace corkboard::ui
