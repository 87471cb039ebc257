#include "shared/dto/column.h"

#include "shared/dto/dto_util.h"

namespace corkboard {

void writeJson(JsonWriter &w, const Column &c)
{
    w.beginObject();
    w.field("id", c.id)
        .field("board_id", c.boardId)
        .field("name", c.name)
        .field("position", c.position);
    w.key("wip_limit");
    if (c.wipLimit)
        w.value(*c.wipLimit);
    else
        w.null();
    w.field("version", c.version);
    dto::writeTime(w, "created_at", c.createdAt);
    dto::writeTime(w, "updated_at", c.updatedAt);
    w.endObject();
}

Column columnFromJson(const QJsonObject &o)
{
    Column c;
    c.id = dto::str(o, "id");
    c.boardId = dto::str(o, "board_id");
    c.name = dto::str(o, "name");
    c.position = dto::str(o, "position");
    if (o.value(QLatin1String("wip_limit")).isDouble())
        c.wipLimit = o.value(QLatin1String("wip_limit")).toInt();
    c.version = dto::integer(o, "version", 1);
    c.createdAt = dto::time(o, "created_at");
    c.updatedAt = dto::time(o, "updated_at");
    return c;
}

} // namespace corkboard
