#pragma once

#include "shared/dto/attachment.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace corkboard {

class JsonWriter;

//! A card as the board snapshot lists it (label/assignee ids, checklist progress, comment count).
struct Card
{
    QString id;
    QString boardId;
    QString columnId;
    QString position;
    QString title;
    QString description;
    QDateTime dueAt; //!< invalid: no due date
    bool archived = false;
    QString createdBy;
    QStringList labelIds;
    QStringList assigneeIds;
    int checklistDone = 0;
    int checklistTotal = 0;
    int commentCount = 0;
    int attachmentCount = 0;
    QString coverAttachmentId; //!< the newest image attachment with a thumbnail (empty: none)
    qint64 version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

//! One checklist item of a card.
struct ChecklistItem
{
    QString id;
    QString cardId;
    QString text;
    bool done = false;
    QString position;
    qint64 version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

//! A card as GET /cards/{id} returns it: the card plus its checklist and attachment list.
struct CardDetail
{
    Card card;
    QList<ChecklistItem> checklist;
    QList<Attachment> attachments; //!< oldest first
};

void writeJson(JsonWriter &w, const Card &card);
void writeJson(JsonWriter &w, const ChecklistItem &item);
void writeJson(JsonWriter &w, const CardDetail &detail);
Card cardFromJson(const QJsonObject &o);
ChecklistItem checklistItemFromJson(const QJsonObject &o);
CardDetail cardDetailFromJson(const QJsonObject &o);

} // namespace corkboard
