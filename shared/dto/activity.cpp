#include "shared/dto/activity.h"

#include "shared/dto/dto_util.h"

#include <QJsonDocument>

namespace corkboard {

void writeJson(JsonWriter &w, const ActivityEntry &e)
{
    w.beginObject();
    w.field("id", QString::number(e.id)).field("board_id", e.boardId).field("actor_id", e.actorId);
    w.field("actor_name", e.actorName).field("action", e.action).field("entity_id", e.entityId);
    w.field("summary", e.summary).field("seq", e.seq);
    dto::writeTime(w, "at", e.at);
    w.key("card_id").nullableValue(e.cardId.isEmpty() ? QString() : e.cardId);
    w.key("details").raw(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
    w.endObject();
}

void writeJson(JsonWriter &w, const SearchHit &h)
{
    w.beginObject();
    w.field("kind", h.kind)
        .field("id", h.id)
        .field("board_id", h.boardId)
        .field("card_id", h.cardId);
    w.field("title", h.title).field("snippet", h.snippet).field("rank", h.rank);
    w.endObject();
}

ActivityEntry activityEntryFromJson(const QJsonObject &o)
{
    ActivityEntry e;
    e.id = dto::str(o, "id").toLongLong();
    e.boardId = dto::str(o, "board_id");
    e.actorId = dto::str(o, "actor_id");
    e.actorName = dto::str(o, "actor_name");
    e.action = dto::str(o, "action");
    e.entityId = dto::str(o, "entity_id");
    e.summary = dto::str(o, "summary");
    e.seq = dto::integer(o, "seq");
    e.at = dto::time(o, "at");
    e.cardId = dto::str(o, "card_id");
    e.details = o.value(QLatin1String("details")).toObject();
    return e;
}

SearchHit searchHitFromJson(const QJsonObject &o)
{
    SearchHit h;
    h.kind = dto::str(o, "kind");
    h.id = dto::str(o, "id");
    h.boardId = dto::str(o, "board_id");
    h.cardId = dto::str(o, "card_id");
    h.title = dto::str(o, "title");
    h.snippet = dto::str(o, "snippet");
    h.rank = o.value(QLatin1String("rank")).toDouble();
    return h;
}

} // namespace corkboard
