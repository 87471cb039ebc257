#include "shared/dto/live_event.h"

#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QJsonDocument>

namespace corkboard::dto {

void writeJson(JsonWriter &w, const LiveEvent &event)
{
    w.beginObject();
    if (event.seq >= 0)
        w.field("seq", event.seq);
    else
        w.key("seq").null();
    w.field("type", event.type)
        .field("board_id", event.boardId)
        .field("actor_id", event.actorId)
        .field("at", toRfc3339(event.at));
    w.key("data").raw(QJsonDocument(event.data).toJson(QJsonDocument::Compact));
    w.endObject();
}

bool fromJson(const QJsonObject &json, LiveEvent &out)
{
    const QJsonValue seq = json.value(QStringLiteral("seq"));
    const QJsonValue type = json.value(QStringLiteral("type"));
    const QJsonValue board = json.value(QStringLiteral("board_id"));
    if (!(seq.isDouble() || seq.isNull()) || !type.isString() || !board.isString())
        return false;
    out.seq = seq.isDouble() ? qint64(seq.toDouble()) : -1;
    out.type = type.toString();
    out.boardId = board.toString();
    out.actorId = json.value(QStringLiteral("actor_id")).toString();
    out.at = fromRfc3339(json.value(QStringLiteral("at")).toString());
    out.data = json.value(QStringLiteral("data")).toObject();
    return true;
}

} // namespace corkboard::dto
