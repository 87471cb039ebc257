#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace corkboard {

class Database;

//! What the notifier reads from the board domain (cards, assignees) and its own bookkeeping of
//! assignees it has already announced.
class NotificationSourceRepository
{
public:
    explicit NotificationSourceRepository(Database &db);

    struct DueAssignment
    {
        QString cardId;
        QString boardId;
        QString title;
        QString dueAt;
        QString userId;
    };
    //! Assignees of unarchived cards due in (from, to] who have no `kind` notification for that
    //! card and due date yet. Times are RFC 3339 UTC (they compare as text).
    QList<DueAssignment> dueWithoutNotice(
        const QString &kind, const QString &from, const QString &to);

    QStringList cardAssignees(const QString &cardId);
    QString cardTitle(const QString &cardId);
    //! The person's display name now (empty when unknown).
    QString displayName(const QString &userId);
    QSet<QString> notifiedAssignees(const QString &cardId);
    void setNotifiedAssignees(
        const QString &cardId, const QSet<QString> &before, const QSet<QString> &now);
    void forgetCard(const QString &cardId);

private:
    Database &m_db;
};

} // namespace corkboard
