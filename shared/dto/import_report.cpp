#include "shared/dto/import_report.h"

#include "shared/dto/dto_util.h"

#include <QJsonArray>

namespace corkboard {

void writeJson(JsonWriter &w, const ImportReport &r)
{
    w.beginObject();
    w.key("board").beginObject().field("id", r.boardId).field("name", r.boardName).endObject();
    w.field("source", r.source);
    w.key("imported").beginObject();
    w.field("columns", r.columns).field("cards", r.cards).field("archived_cards", r.archivedCards);
    w.field("labels", r.labels).field("checklist_items", r.checklistItems);
    w.field("comments", r.comments).field("members", r.members).field("activity", r.activity);
    w.endObject();
    dto::writeStrings(w, "unmatched_members", r.unmatchedMembers);
    w.key("skipped").beginArray();
    for (const auto &s : r.skipped) {
        w.beginObject().field("what", s.what).field("reason", s.reason).field("count", s.count);
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

ImportReport importReportFromJson(const QJsonObject &o)
{
    ImportReport r;
    const QJsonObject board = o.value(QStringLiteral("board")).toObject();
    r.boardId = dto::str(board, "id");
    r.boardName = dto::str(board, "name");
    r.source = dto::str(o, "source");
    const QJsonObject n = o.value(QStringLiteral("imported")).toObject();
    r.columns = int(dto::integer(n, "columns"));
    r.cards = int(dto::integer(n, "cards"));
    r.archivedCards = int(dto::integer(n, "archived_cards"));
    r.labels = int(dto::integer(n, "labels"));
    r.checklistItems = int(dto::integer(n, "checklist_items"));
    r.comments = int(dto::integer(n, "comments"));
    r.members = int(dto::integer(n, "members"));
    r.activity = int(dto::integer(n, "activity"));
    r.unmatchedMembers = dto::strings(o, "unmatched_members");
    const QJsonArray skipped = o.value(QStringLiteral("skipped")).toArray();
    for (const auto &v : skipped) {
        const QJsonObject s = v.toObject();
        r.skipped.append(
            {dto::str(s, "what"), dto::str(s, "reason"), int(dto::integer(s, "count"))});
    }
    return r;
}

} // namespace corkboard
