#include "shared/dto/comment.h"

#include "shared/dto/dto_util.h"

namespace corkboard {

void writeJson(JsonWriter &w, const Comment &c)
{
    w.beginObject();
    w.field("id", c.id).field("card_id", c.cardId).field("board_id", c.boardId);
    w.field("author_id", c.authorId).field("body", c.body);
    dto::writeStrings(w, "mention_ids", c.mentionIds);
    w.field("version", c.version);
    dto::writeTime(w, "created_at", c.createdAt);
    dto::writeTime(w, "updated_at", c.updatedAt);
    w.endObject();
}

Comment commentFromJson(const QJsonObject &o)
{
    Comment c;
    c.id = dto::str(o, "id");
    c.cardId = dto::str(o, "card_id");
    c.boardId = dto::str(o, "board_id");
    c.authorId = dto::str(o, "author_id");
    c.body = dto::str(o, "body");
    c.mentionIds = dto::strings(o, "mention_ids");
    c.version = dto::integer(o, "version", 1);
    c.createdAt = dto::time(o, "created_at");
    c.updatedAt = dto::time(o, "updated_at");
    return c;
}

} // namespace corkboard
