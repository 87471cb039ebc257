#pragma once

#include "shared/dto/notification.h"

#include <QObject>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace corkboard::ui {

//! The tray icon: raises a system notification for due-soon, overdue and mention
//! notifications when the window is not focused, and keeps the app reachable when the
//! window is closed.
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(QWidget *window, QObject *parent = nullptr);

    bool isAvailable() const;
    //! True when this notification kind is shown in the tray while unfocused.
    static bool raisesTray(const QString &kind);
    //! Shows the notification when it qualifies and the window is not active; returns
    //! whether it did.
    bool notify(const Notification &notification);
    int shownCount() const { return m_shown; }

Q_SIGNALS:
    void showWindowRequested();
    void quitRequested();
    void notificationClicked();

private:
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    int m_shown = 0;
};

} // namespace corkboard::ui
