#include "server/features/boards/snapshot_reader.h"

#include "server/platform/database.h"
#include "shared/dto/fast_time.h"
#include "shared/json_writer.h"

#include <QHash>
#include <QVarLengthArray>
#include <algorithm>

namespace corkboard {

namespace {
// Per-card aggregates, read for the whole board first and joined by card id while writing.
struct CardExtras
{
    QVarLengthArray<QByteArray, 2> labelIds;
    QVarLengthArray<QByteArray, 2> assigneeIds;
    qint64 checklistDone = 0;
    qint64 checklistTotal = 0;
    qint64 commentCount = 0;
};

// A stored timestamp as writeTime writes the QDateTime the old path parsed it into: canonical
// text is parsed and formatted again (so odd dates normalise exactly as before), anything else
// goes through the full RFC 3339 parser; empty or unparseable → null.
void writeStoredTime(JsonWriter &w, const char *key, QByteArrayView text)
{
    w.key(key);
    if (text.isEmpty()) {
        w.null();
        return;
    }
    qint64 ms = 0;
    if (const auto canonical = fasttime::parseCanonical(text)) {
        ms = *canonical;
    } else {
        const QDateTime t = fasttime::storedTime(QString::fromUtf8(text));
        if (!t.isValid()) {
            w.null();
            return;
        }
        ms = t.toMSecsSinceEpoch();
    }
    char quoted[26];
    quoted[0] = '"';
    const QByteArray formatted = fasttime::formatUtc(ms);
    std::copy(formatted.cbegin(), formatted.cend(), quoted + 1);
    quoted[25] = '"';
    w.rawBytes(QByteArrayView(quoted, 26));
}

void writeIds(JsonWriter &w, const char *key, QVarLengthArray<QByteArray, 2> *ids)
{
    w.key(key).beginArray();
    if (ids) {
        std::sort(ids->begin(), ids->end());
        for (const auto &id : *ids)
            w.utf8Value(id);
    }
    w.endArray();
}

const char kColumns[] = "SELECT id, board_id, name, position, wip_limit, version, created_at, "
                        "updated_at FROM board_columns WHERE board_id = ? ORDER BY position";
const char kCards[] = "SELECT c.id, c.board_id, c.column_id, c.position, c.title, c.description, "
                      "c.due_at, c.archived, c.created_by, c.version, c.created_at, c.updated_at "
                      "FROM cards c WHERE c.board_id = ? AND c.archived = 0 "
                      "ORDER BY c.column_id, c.position";
const char kCardsWithArchived[]
    = "SELECT c.id, c.board_id, c.column_id, c.position, c.title, c.description, "
      "c.due_at, c.archived, c.created_by, c.version, c.created_at, c.updated_at "
      "FROM cards c WHERE c.board_id = ? ORDER BY c.column_id, c.position";
const char kCardLabels[] = "SELECT l.card_id, l.label_id FROM cards c JOIN card_labels l ON "
                           "l.card_id = c.id WHERE c.board_id = ?";
const char kCardAssignees[] = "SELECT a.card_id, a.user_id FROM cards c JOIN card_assignees a ON "
                              "a.card_id = c.id WHERE c.board_id = ?";
const char kChecklists[] = "SELECT i.card_id, COUNT(*), SUM(i.done) FROM cards c JOIN "
                           "checklist_items i ON i.card_id = c.id WHERE c.board_id = ? "
                           "GROUP BY i.card_id";
const char kComments[]
    = "SELECT card_id, COUNT(*) FROM comments WHERE board_id = ? GROUP BY card_id";
const char kLabels[] = "SELECT id, board_id, name, color, version, created_at, updated_at "
                       "FROM labels WHERE board_id = ? ORDER BY name, id";
const char kMembers[] = "SELECT m.board_id, m.user_id, u.display_name, m.role, m.created_at "
                        "FROM board_members m JOIN users u ON u.id = m.user_id "
                        "WHERE m.board_id = ? ORDER BY u.display_name, m.user_id";
} // namespace

void SnapshotReader::write(JsonWriter &w, const Board &board, bool includeArchived)
{
    w.beginObject();
    w.key("board");
    writeJson(w, board);

    w.key("columns").beginArray();
    {
        Statement q(m_db, kColumns);
        q.bind(1, board.id);
        while (q.next()) {
            w.beginObject();
            w.key("id").utf8Value(q.text(0));
            w.key("board_id").utf8Value(q.text(1));
            w.key("name").utf8Value(q.text(2));
            w.key("position").utf8Value(q.text(3));
            w.key("wip_limit");
            if (q.isNull(4))
                w.null();
            else
                w.value(qint64(int(q.integer(4))));
            w.field("version", q.integer(5));
            writeStoredTime(w, "created_at", q.text(6));
            writeStoredTime(w, "updated_at", q.text(7));
            w.endObject();
        }
    }
    w.endArray();

    QHash<QByteArray, CardExtras> extras;
    auto collect = [&](const char *sql, const auto &apply) {
        Statement q(m_db, sql);
        q.bind(1, board.id);
        while (q.next())
            apply(extras[q.text(0).toByteArray()], q);
    };
    collect(kCardLabels,
        [](CardExtras &e, Statement &q) { e.labelIds.append(q.text(1).toByteArray()); });
    collect(kCardAssignees,
        [](CardExtras &e, Statement &q) { e.assigneeIds.append(q.text(1).toByteArray()); });
    collect(kChecklists, [](CardExtras &e, Statement &q) {
        e.checklistTotal = int(q.integer(1));
        e.checklistDone = int(q.integer(2));
    });
    collect(kComments, [](CardExtras &e, Statement &q) { e.commentCount = int(q.integer(1)); });

    w.key("cards").beginArray();
    {
        Statement q(m_db, includeArchived ? kCardsWithArchived : kCards);
        q.bind(1, board.id);
        while (q.next()) {
            const QByteArrayView id = q.text(0);
            const auto it = extras.find(QByteArray::fromRawData(id.data(), id.size()));
            CardExtras *e = it == extras.end() ? nullptr : &*it;
            w.beginObject();
            w.key("id").utf8Value(id);
            w.key("board_id").utf8Value(q.text(1));
            w.key("column_id").utf8Value(q.text(2));
            w.key("position").utf8Value(q.text(3));
            w.key("title").utf8Value(q.text(4));
            w.key("description").utf8Value(q.text(5));
            writeStoredTime(w, "due_at", q.text(6));
            w.field("archived", q.integer(7) != 0);
            w.key("created_by").utf8Value(q.text(8));
            writeIds(w, "label_ids", e ? &e->labelIds : nullptr);
            writeIds(w, "assignee_ids", e ? &e->assigneeIds : nullptr);
            w.key("checklist_progress")
                .beginObject()
                .field("done", e ? e->checklistDone : 0)
                .field("total", e ? e->checklistTotal : 0)
                .endObject();
            w.field("comment_count", e ? e->commentCount : 0);
            w.field("version", q.integer(9));
            writeStoredTime(w, "created_at", q.text(10));
            writeStoredTime(w, "updated_at", q.text(11));
            w.endObject();
        }
    }
    w.endArray();

    w.key("labels").beginArray();
    {
        Statement q(m_db, kLabels);
        q.bind(1, board.id);
        while (q.next()) {
            w.beginObject();
            w.key("id").utf8Value(q.text(0));
            w.key("board_id").utf8Value(q.text(1));
            w.key("name").utf8Value(q.text(2));
            w.key("color").utf8Value(q.text(3));
            w.field("version", q.integer(4));
            writeStoredTime(w, "created_at", q.text(5));
            writeStoredTime(w, "updated_at", q.text(6));
            w.endObject();
        }
    }
    w.endArray();

    w.key("members").beginArray();
    {
        Statement q(m_db, kMembers);
        q.bind(1, board.id);
        while (q.next()) {
            w.beginObject();
            w.key("board_id").utf8Value(q.text(0));
            w.key("user_id").utf8Value(q.text(1));
            w.key("display_name").utf8Value(q.text(2));
            w.key("role").utf8Value(q.text(3));
            writeStoredTime(w, "added_at", q.text(4));
            w.endObject();
        }
    }
    w.endArray();
    w.endObject();
}

} // namespace corkboard
