#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace corkboard {

class JsonWriter;

//! A column of a board; `position` is its fractional order key.
struct Column
{
    QString id;
    QString boardId;
    QString name;
    QString position;
    std::optional<int> wipLimit;
    qint64 version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

void writeJson(JsonWriter &w, const Column &column);
Column columnFromJson(const QJsonObject &o);

} // namespace corkboard
