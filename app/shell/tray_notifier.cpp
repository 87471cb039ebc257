#include "app/shell/tray_notifier.h"
#include "app/notifications/notification_text.h"

#include <QApplication>
#include <QMenu>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace corkboard::ui {

TrayNotifier::TrayNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_tray = new QSystemTrayIcon(
        QApplication::style()->standardIcon(QStyle::SP_FileDialogDetailedView), this);
    m_tray->setToolTip(tr("Corkboard"));
    m_menu = new QMenu(window);
    m_menu->addAction(tr("Show Corkboard"), this, &TrayNotifier::showWindowRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayNotifier::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::notificationClicked);
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
}

bool TrayNotifier::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayNotifier::raisesTray(const QString &kind)
{
    return kind == QLatin1String("due_soon") || kind == QLatin1String("overdue")
        || kind == QLatin1String("mentioned");
}

bool TrayNotifier::notify(const Notification &notification)
{
    if (!raisesTray(notification.kind) || (m_window->isVisible() && m_window->isActiveWindow()))
        return false;
    ++m_shown;
    const QString title = notification.kind == QLatin1String("mentioned") ? tr("You were mentioned")
        : notification.kind == QLatin1String("overdue")                   ? tr("Card overdue")
                                                                          : tr("Card due soon");
    m_tray->showMessage(title, notificationText(notification), QSystemTrayIcon::Information, 10000);
    return true;
}

} // namespace corkboard::ui
