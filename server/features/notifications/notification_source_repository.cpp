#include "server/features/notifications/notification_source_repository.h"

#include "server/platform/database.h"

namespace corkboard {

NotificationSourceRepository::NotificationSourceRepository(Database &db)
    : m_db(db)
{
}

QList<NotificationSourceRepository::DueAssignment> NotificationSourceRepository::dueWithoutNotice(
    const QString &kind, const QString &from, const QString &to)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT c.id, c.board_id, c.title, c.due_at, a.user_id FROM cards c "
                       "JOIN card_assignees a ON a.card_id = c.id "
                       "WHERE c.archived = 0 AND c.due_at IS NOT NULL AND c.due_at > :from AND "
                       "c.due_at <= :to "
                       "AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = "
                       "  :kind1 || '|' || c.id || '|' || a.user_id || '|' || c.due_at) "
                       "ORDER BY c.due_at, c.id, a.user_id LIMIT 1000"));
    q.bind(QStringLiteral(":from"), from)
        .bind(QStringLiteral(":to"), to)
        .bind(QStringLiteral(":kind1"), kind)
        .exec();
    QList<DueAssignment> out;
    while (q.next()) {
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString()});
    }
    return out;
}

QStringList NotificationSourceRepository::cardAssignees(const QString &cardId)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT user_id FROM card_assignees WHERE card_id = :card ORDER BY user_id"));
    q.bind(QStringLiteral(":card"), cardId).exec();
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

QString NotificationSourceRepository::cardTitle(const QString &cardId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT title FROM cards WHERE id = :card"));
    q.bind(QStringLiteral(":card"), cardId).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QString NotificationSourceRepository::displayName(const QString &userId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT display_name FROM users WHERE id = :user"));
    q.bind(QStringLiteral(":user"), userId).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QSet<QString> NotificationSourceRepository::notifiedAssignees(const QString &cardId)
{
    SqlQuery q(
        m_db, QStringLiteral("SELECT user_id FROM notified_assignees WHERE card_id = :card"));
    q.bind(QStringLiteral(":card"), cardId).exec();
    QSet<QString> ids;
    while (q.next())
        ids.insert(q.value(0).toString());
    return ids;
}

void NotificationSourceRepository::setNotifiedAssignees(
    const QString &cardId, const QSet<QString> &before, const QSet<QString> &now)
{
    for (const QString &gone : before) {
        if (now.contains(gone))
            continue;
        SqlQuery d(m_db,
            QStringLiteral(
                "DELETE FROM notified_assignees WHERE card_id = :card AND user_id = :user"));
        d.bind(QStringLiteral(":card"), cardId).bind(QStringLiteral(":user"), gone).exec();
    }
    for (const QString &added : now) {
        if (before.contains(added))
            continue;
        SqlQuery i(m_db,
            QStringLiteral(
                "INSERT INTO notified_assignees (card_id, user_id) VALUES (:card, :user) "
                "ON CONFLICT DO NOTHING"));
        i.bind(QStringLiteral(":card"), cardId).bind(QStringLiteral(":user"), added).exec();
    }
}

void NotificationSourceRepository::forgetCard(const QString &cardId)
{
    SqlQuery d(m_db, QStringLiteral("DELETE FROM notified_assignees WHERE card_id = :card"));
    d.bind(QStringLiteral(":card"), cardId).exec();
}

} // namespace corkboard
