#include "shared/dto/user.h"

#include "shared/json_writer.h"
#include "shared/time_format.h"

namespace corkboard {

void writeJson(JsonWriter &w, const User &user)
{
    w.beginObject();
    w.field("id", user.id);
    w.field("email", user.email);
    w.field("display_name", user.displayName);
    w.field("role", user.role);
    w.field("disabled", user.disabled);
    w.field("version", user.version);
    w.field("created_at", toRfc3339(user.createdAt));
    w.field("updated_at", toRfc3339(user.updatedAt));
    w.endObject();
}

void writeJson(JsonWriter &w, const UserSummary &user)
{
    w.beginObject();
    w.field("id", user.id);
    w.field("display_name", user.displayName);
    w.field("email", user.email);
    if (user.role)
        w.field("role", *user.role);
    if (user.disabled)
        w.field("disabled", *user.disabled);
    w.endObject();
}

bool fromJson(const QJsonObject &json, User &out)
{
    const auto id = json.value(QLatin1String("id"));
    const auto email = json.value(QLatin1String("email"));
    const auto name = json.value(QLatin1String("display_name"));
    const auto role = json.value(QLatin1String("role"));
    if (!id.isString() || !email.isString() || !name.isString() || !role.isString())
        return false;
    out.id = id.toString();
    out.email = email.toString();
    out.displayName = name.toString();
    out.role = role.toString();
    out.disabled = json.value(QLatin1String("disabled")).toBool(false);
    out.version = json.value(QLatin1String("version")).toInteger(1);
    out.createdAt = fromRfc3339(json.value(QLatin1String("created_at")).toString());
    out.updatedAt = fromRfc3339(json.value(QLatin1String("updated_at")).toString());
    return true;
}

bool fromJson(const QJsonObject &json, UserSummary &out)
{
    const auto id = json.value(QLatin1String("id"));
    const auto name = json.value(QLatin1String("display_name"));
    if (!id.isString() || !name.isString())
        return false;
    out.id = id.toString();
    out.displayName = name.toString();
    out.email = json.value(QLatin1String("email")).toString();
    const auto role = json.value(QLatin1String("role"));
    out.role = role.isString() ? std::optional<QString>(role.toString()) : std::nullopt;
    const auto disabled = json.value(QLatin1String("disabled"));
    out.disabled = disabled.isBool() ? std::optional<bool>(disabled.toBool()) : std::nullopt;
    return true;
}

} // namespace corkboard
