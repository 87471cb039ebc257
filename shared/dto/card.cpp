#include "shared/dto/card.h"

#include "shared/dto/dto_util.h"

namespace corkboard {

namespace {
void writeCardFields(JsonWriter &w, const Card &c)
{
    w.field("id", c.id).field("board_id", c.boardId).field("column_id", c.columnId);
    w.field("position", c.position).field("title", c.title).field("description", c.description);
    dto::writeTime(w, "due_at", c.dueAt);
    w.field("archived", c.archived).field("created_by", c.createdBy);
    dto::writeStrings(w, "label_ids", c.labelIds);
    dto::writeStrings(w, "assignee_ids", c.assigneeIds);
    w.key("checklist_progress")
        .beginObject()
        .field("done", c.checklistDone)
        .field("total", c.checklistTotal)
        .endObject();
    w.field("comment_count", c.commentCount);
    w.field("attachment_count", c.attachmentCount);
    w.key("cover_attachment_id")
        .nullableValue(c.coverAttachmentId.isEmpty() ? QString() : c.coverAttachmentId);
    w.field("version", c.version);
    dto::writeTime(w, "created_at", c.createdAt);
    dto::writeTime(w, "updated_at", c.updatedAt);
}
} // namespace

void writeJson(JsonWriter &w, const Card &c)
{
    w.beginObject();
    writeCardFields(w, c);
    w.endObject();
}

void writeJson(JsonWriter &w, const ChecklistItem &i)
{
    w.beginObject();
    w.field("id", i.id).field("card_id", i.cardId).field("text", i.text).field("done", i.done);
    w.field("position", i.position).field("version", i.version);
    dto::writeTime(w, "created_at", i.createdAt);
    dto::writeTime(w, "updated_at", i.updatedAt);
    w.endObject();
}

void writeJson(JsonWriter &w, const CardDetail &d)
{
    w.beginObject();
    writeCardFields(w, d.card);
    w.key("checklist").beginArray();
    for (const auto &item : d.checklist)
        writeJson(w, item);
    w.endArray();
    w.key("attachments").beginArray();
    for (const auto &a : d.attachments)
        writeJson(w, a);
    w.endArray();
    w.endObject();
}

Card cardFromJson(const QJsonObject &o)
{
    Card c;
    c.id = dto::str(o, "id");
    c.boardId = dto::str(o, "board_id");
    c.columnId = dto::str(o, "column_id");
    c.position = dto::str(o, "position");
    c.title = dto::str(o, "title");
    c.description = dto::str(o, "description");
    c.dueAt = dto::time(o, "due_at");
    c.archived = o.value(QLatin1String("archived")).toBool();
    c.createdBy = dto::str(o, "created_by");
    c.labelIds = dto::strings(o, "label_ids");
    c.assigneeIds = dto::strings(o, "assignee_ids");
    const auto progress = o.value(QLatin1String("checklist_progress")).toObject();
    c.checklistDone = int(dto::integer(progress, "done"));
    c.checklistTotal = int(dto::integer(progress, "total"));
    c.commentCount = int(dto::integer(o, "comment_count"));
    c.attachmentCount = int(dto::integer(o, "attachment_count"));
    c.coverAttachmentId = dto::str(o, "cover_attachment_id");
    c.version = dto::integer(o, "version", 1);
    c.createdAt = dto::time(o, "created_at");
    c.updatedAt = dto::time(o, "updated_at");
    return c;
}

ChecklistItem checklistItemFromJson(const QJsonObject &o)
{
    ChecklistItem i;
    i.id = dto::str(o, "id");
    i.cardId = dto::str(o, "card_id");
    i.text = dto::str(o, "text");
    i.done = o.value(QLatin1String("done")).toBool();
    i.position = dto::str(o, "position");
    i.version = dto::integer(o, "version", 1);
    i.createdAt = dto::time(o, "created_at");
    i.updatedAt = dto::time(o, "updated_at");
    return i;
}

CardDetail cardDetailFromJson(const QJsonObject &o)
{
    CardDetail d;
    d.card = cardFromJson(o);
    const auto items = o.value(QLatin1String("checklist")).toArray();
    for (const auto &v : items)
        d.checklist.append(checklistItemFromJson(v.toObject()));
    const auto files = o.value(QLatin1String("attachments")).toArray();
    for (const auto &v : files)
        d.attachments.append(attachmentFromJson(v.toObject()));
    return d;
}

} // namespace corkboard
