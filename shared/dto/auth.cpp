#include "shared/dto/auth.h"

#include "shared/json_writer.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
void writeTime(JsonWriter &w, const char *name, const QDateTime &time)
{
    w.key(name);
    if (time.isValid())
        w.value(toRfc3339(time));
    else
        w.null();
}
} // namespace

void writeJson(JsonWriter &w, const Tokens &tokens)
{
    w.beginObject();
    w.field("access_token", tokens.accessToken);
    w.field("token_type", tokens.tokenType);
    w.field("expires_in", tokens.expiresIn);
    w.field("refresh_token", tokens.refreshToken);
    w.endObject();
}

void writeJson(JsonWriter &w, const AuthResult &result)
{
    w.beginObject();
    w.key("user");
    writeJson(w, result.user);
    w.key("tokens");
    writeJson(w, result.tokens);
    w.endObject();
}

void writeJson(JsonWriter &w, const Session &session)
{
    w.beginObject();
    w.field("id", session.id);
    w.field("device", session.device);
    writeTime(w, "created_at", session.createdAt);
    writeTime(w, "last_used_at", session.lastUsedAt);
    writeTime(w, "expires_at", session.expiresAt);
    w.field("current", session.current);
    w.endObject();
}

void writeJson(JsonWriter &w, const Invite &invite)
{
    w.beginObject();
    if (!invite.code.isEmpty())
        w.field("code", invite.code);
    w.field("code_prefix", invite.codePrefix);
    w.field("role", invite.role);
    w.field("created_by", invite.createdBy);
    writeTime(w, "created_at", invite.createdAt);
    writeTime(w, "expires_at", invite.expiresAt);
    writeTime(w, "used_at", invite.usedAt);
    w.endObject();
}

bool fromJson(const QJsonObject &json, Tokens &out)
{
    const auto access = json.value(QLatin1String("access_token"));
    const auto refresh = json.value(QLatin1String("refresh_token"));
    if (!access.isString() || !refresh.isString())
        return false;
    out.accessToken = access.toString();
    out.refreshToken = refresh.toString();
    out.tokenType = json.value(QLatin1String("token_type")).toString(QStringLiteral("Bearer"));
    out.expiresIn = json.value(QLatin1String("expires_in")).toInteger();
    return true;
}

bool fromJson(const QJsonObject &json, AuthResult &out)
{
    return fromJson(json.value(QLatin1String("user")).toObject(), out.user)
        && fromJson(json.value(QLatin1String("tokens")).toObject(), out.tokens);
}

bool fromJson(const QJsonObject &json, Session &out)
{
    const auto id = json.value(QLatin1String("id"));
    if (!id.isString())
        return false;
    out.id = id.toString();
    out.device = json.value(QLatin1String("device")).toString();
    out.createdAt = fromRfc3339(json.value(QLatin1String("created_at")).toString());
    out.lastUsedAt = fromRfc3339(json.value(QLatin1String("last_used_at")).toString());
    out.expiresAt = fromRfc3339(json.value(QLatin1String("expires_at")).toString());
    out.current = json.value(QLatin1String("current")).toBool();
    return true;
}

bool fromJson(const QJsonObject &json, Invite &out)
{
    const auto prefix = json.value(QLatin1String("code_prefix"));
    const auto role = json.value(QLatin1String("role"));
    if (!prefix.isString() || !role.isString())
        return false;
    out.code = json.value(QLatin1String("code")).toString();
    out.codePrefix = prefix.toString();
    out.role = role.toString();
    out.createdBy = json.value(QLatin1String("created_by")).toString();
    out.createdAt = fromRfc3339(json.value(QLatin1String("created_at")).toString());
    out.expiresAt = fromRfc3339(json.value(QLatin1String("expires_at")).toString());
    out.usedAt = fromRfc3339(json.value(QLatin1String("used_at")).toString());
    return true;
}

} // namespace corkboard
