#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace corkboard {

class JsonWriter;

//! A board label; `color` is "#rrggbb".
struct Label
{
    QString id;
    QString boardId;
    QString name;
    QString color;
    qint64 version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

void writeJson(JsonWriter &w, const Label &label);
Label labelFromJson(const QJsonObject &o);

} // namespace corkboard
