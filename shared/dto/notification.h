#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace corkboard {

//! Something that happened to me: assigned, mentioned, due soon, overdue, a comment on a card I
//! am assigned to, a failed job (admins). `data` holds the kind's details (card_title, due_at,
//! comment_id, excerpt …).
struct Notification
{
    QString id;
    QString kind; //!< assigned | mentioned | due_soon | overdue | comment_on_assigned | job_dead
    QString boardId;
    QString cardId;
    QString actorId; //!< who caused it; empty for reminders
    QJsonObject data;
    bool read = false;
    QDateTime readAt;
    QDateTime createdAt;
};

//! Decodes a notification object; false when id or kind is missing or not a string.
bool fromJson(const QJsonObject &json, Notification &out);

} // namespace corkboard
