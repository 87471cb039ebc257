#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace corkboard {

class JsonWriter;

//! A comment on a card.
struct Comment
{
    QString id;
    QString cardId;
    QString boardId;
    QString authorId;
    QString body;
    QStringList mentionIds;
    qint64 version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

void writeJson(JsonWriter &w, const Comment &comment);
Comment commentFromJson(const QJsonObject &o);

} // namespace corkboard
