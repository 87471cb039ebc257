#include "app/notifications/notification_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace corkboard::ui {

QString notificationText(const Notification &n)
{
    const QString card = n.data.value(QStringLiteral("card_title")).toString();
    if (n.kind == QLatin1String("due_soon"))
        return QCoreApplication::translate("Notifications", "“%1” is due soon").arg(card);
    if (n.kind == QLatin1String("overdue"))
        return QCoreApplication::translate("Notifications", "“%1” is overdue").arg(card);
    if (n.kind == QLatin1String("assigned"))
        return QCoreApplication::translate("Notifications", "You were assigned to “%1”").arg(card);
    if (n.kind == QLatin1String("mentioned"))
        return QCoreApplication::translate("Notifications", "You were mentioned on “%1”").arg(card);
    if (n.kind == QLatin1String("comment_on_assigned"))
        return QCoreApplication::translate("Notifications", "New comment on “%1”").arg(card);
    return n.kind;
}

QString notificationHeader(const Notification &n)
{
    const QString when = QLocale().toString(n.createdAt.toLocalTime(), QLocale::ShortFormat);
    QString who = n.data.value(QStringLiteral("actor_name")).toString();
    if (who.isEmpty()) {
        const bool reminder
            = n.kind == QLatin1String("due_soon") || n.kind == QLatin1String("overdue");
        who = reminder ? QCoreApplication::translate("Notifications", "Reminder")
                       : QCoreApplication::translate("Notifications", "Someone");
    }
    return QCoreApplication::translate("Notifications", "%1 · %2").arg(who, when);
}

} // namespace corkboard::ui
