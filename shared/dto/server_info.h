#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace corkboard {

class JsonWriter;

//! GET /api/v1/server-info: who the server is and how accounts are made.
struct ServerInfo
{
    QString name;
    QString version;
    QString apiVersion; //!< "v1"
    QString registration; //!< open | invite
    bool setupRequired = false; //!< no account yet: the next registration makes the admin
    bool setupCodeRequired = false; //!< … and needs the code the server printed at its start
    QDateTime startedAt;
};

void writeJson(JsonWriter &w, const ServerInfo &info);
//! False when name, api_version or registration is missing.
bool fromJson(const QJsonObject &json, ServerInfo &out);

} // namespace corkboard
