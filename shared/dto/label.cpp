#include "shared/dto/label.h"

#include "shared/dto/dto_util.h"

namespace corkboard {

void writeJson(JsonWriter &w, const Label &l)
{
    w.beginObject();
    w.field("id", l.id).field("board_id", l.boardId).field("name", l.name).field("color", l.color);
    w.field("version", l.version);
    dto::writeTime(w, "created_at", l.createdAt);
    dto::writeTime(w, "updated_at", l.updatedAt);
    w.endObject();
}

Label labelFromJson(const QJsonObject &o)
{
    Label l;
    l.id = dto::str(o, "id");
    l.boardId = dto::str(o, "board_id");
    l.name = dto::str(o, "name");
    l.color = dto::str(o, "color");
    l.version = dto::integer(o, "version", 1);
    l.createdAt = dto::time(o, "created_at");
    l.updatedAt = dto::time(o, "updated_at");
    return l;
}

} // namespace corkboard
