#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace corkboard {

class JsonWriter;

//! One verified database backup in the data dir's backups folder.
struct BackupInfo
{
    QString name; //!< file name inside the backups folder
    QString kind; //!< scheduled | manual | pre-migration | pre-restore | other
    qint64 sizeBytes = 0;
    QDateTime createdAt;
    int schemaVersion = 0; //!< highest migration applied in the copy
};

void writeJson(JsonWriter &w, const BackupInfo &backup);
BackupInfo backupInfoFromJson(const QJsonObject &o);

} // namespace corkboard
