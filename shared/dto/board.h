#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace corkboard {

class JsonWriter;

//! A board as GET returns it; `role` is the caller's role, `seq` only set in a snapshot.
struct Board
{
    QString id;
    QString name;
    QString description;
    bool archived = false;
    QString createdBy;
    QString role;
    qint64 version = 1;
    qint64 seq = -1; //!< latest event sequence reflected (snapshot only; -1: absent)
    QDateTime createdAt;
    QDateTime updatedAt;
};

//! One member of a board with their board role.
struct BoardMember
{
    QString boardId;
    QString userId;
    QString displayName;
    QString role; //!< owner | editor | viewer
    QDateTime addedAt;
};

void writeJson(JsonWriter &w, const Board &board);
void writeJson(JsonWriter &w, const BoardMember &member);
Board boardFromJson(const QJsonObject &o);
BoardMember boardMemberFromJson(const QJsonObject &o);

} // namespace corkboard
