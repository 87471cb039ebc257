#include "shared/dto/server_info.h"

#include "shared/json_writer.h"
#include "shared/time_format.h"

namespace corkboard {

void writeJson(JsonWriter &w, const ServerInfo &info)
{
    w.beginObject()
        .field("name", info.name)
        .field("version", info.version)
        .field("api_version", info.apiVersion)
        .field("registration", info.registration)
        .field("setup_required", info.setupRequired)
        .field("setup_code_required", info.setupCodeRequired)
        .field("started_at", toRfc3339(info.startedAt))
        .endObject();
}

bool fromJson(const QJsonObject &json, ServerInfo &out)
{
    out.name = json.value(QStringLiteral("name")).toString();
    out.version = json.value(QStringLiteral("version")).toString();
    out.apiVersion = json.value(QStringLiteral("api_version")).toString();
    out.registration = json.value(QStringLiteral("registration")).toString();
    out.setupRequired = json.value(QStringLiteral("setup_required")).toBool();
    out.setupCodeRequired = json.value(QStringLiteral("setup_code_required")).toBool();
    out.startedAt = fromRfc3339(json.value(QStringLiteral("started_at")).toString());
    return !out.name.isEmpty() && !out.apiVersion.isEmpty() && !out.registration.isEmpty();
}

} // namespace corkboard
