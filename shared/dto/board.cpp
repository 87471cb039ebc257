#include "shared/dto/board.h"

#include "shared/dto/dto_util.h"

namespace corkboard {

void writeJson(JsonWriter &w, const Board &b)
{
    w.beginObject();
    w.field("id", b.id).field("name", b.name).field("description", b.description);
    w.field("archived", b.archived).field("created_by", b.createdBy);
    if (!b.role.isEmpty())
        w.field("role", b.role);
    w.field("version", b.version);
    if (b.seq >= 0)
        w.field("seq", b.seq);
    dto::writeTime(w, "created_at", b.createdAt);
    dto::writeTime(w, "updated_at", b.updatedAt);
    w.endObject();
}

void writeJson(JsonWriter &w, const BoardMember &m)
{
    w.beginObject();
    w.field("board_id", m.boardId).field("user_id", m.userId).field("display_name", m.displayName);
    w.field("role", m.role);
    dto::writeTime(w, "added_at", m.addedAt);
    w.endObject();
}

Board boardFromJson(const QJsonObject &o)
{
    Board b;
    b.id = dto::str(o, "id");
    b.name = dto::str(o, "name");
    b.description = dto::str(o, "description");
    b.archived = o.value(QLatin1String("archived")).toBool();
    b.createdBy = dto::str(o, "created_by");
    b.role = dto::str(o, "role");
    b.version = dto::integer(o, "version", 1);
    b.seq = dto::integer(o, "seq", -1);
    b.createdAt = dto::time(o, "created_at");
    b.updatedAt = dto::time(o, "updated_at");
    return b;
}

BoardMember boardMemberFromJson(const QJsonObject &o)
{
    BoardMember m;
    m.boardId = dto::str(o, "board_id");
    m.userId = dto::str(o, "user_id");
    m.displayName = dto::str(o, "display_name");
    m.role = dto::str(o, "role");
    m.addedAt = dto::time(o, "added_at");
    return m;
}

} // namespace corkboard
