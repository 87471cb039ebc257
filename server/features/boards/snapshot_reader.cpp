#include "server/features/boards/snapshot_reader.h"

#include "server/platform/sqlite_access.h"
#include "shared/dto/fast_time.h"
#include "shared/json_escape.h"
#include "shared/json_writer.h"

#include <QHash>
#include <QVarLengthArray>
#include <algorithm>
#include <optional>

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
    qint64 attachmentCount = 0;
    QByteArray coverId;
};

// The fixed shape of each object is written field by field: `,"key":` fragments and values.
void field(QByteArray &out, const char *keyFragment, QByteArrayView utf8)
{
    out.append(keyFragment);
    appendJsonString(out, utf8);
}

void number(QByteArray &out, const char *keyFragment, qint64 value)
{
    out.append(keyFragment);
    out.append(QByteArray::number(value));
}

// A stored timestamp exactly as the DTO path wrote it: parsed (canonical text fast, anything else
// through the RFC 3339 parser) and formatted again, so odd values normalise as before; empty or
// unparseable → null.
void time(QByteArray &out, const char *keyFragment, QByteArrayView text)
{
    out.append(keyFragment);
    std::optional<qint64> ms;
    if (text.size() == 24) {
        char16_t wide[24];
        std::copy(text.begin(), text.end(), wide);
        ms = fasttime::parseCanonical(QStringView(wide, 24));
    }
    if (!ms && !text.isEmpty()) {
        const QDateTime t = fasttime::storedTime(QString::fromUtf8(text));
        if (t.isValid())
            ms = t.toMSecsSinceEpoch();
    }
    if (!ms) {
        out.append("null", 4);
        return;
    }
    out.append('"');
    out.append(fasttime::formatUtc(*ms));
    out.append('"');
}

void ids(QByteArray &out, const char *keyFragment, QVarLengthArray<QByteArray, 2> *list)
{
    out.append(keyFragment);
    out.append('[');
    if (list) {
        std::sort(list->begin(), list->end());
        for (qsizetype i = 0; i < list->size(); ++i) {
            if (i > 0)
                out.append(',');
            appendJsonString(out, list->at(i));
        }
    }
    out.append(']');
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
const char kAttachments[]
    = "SELECT card_id, COUNT(*) FROM attachments WHERE board_id = ? GROUP BY card_id";
// Oldest first: the newest ready thumbnail of a card is the last one applied.
const char kCovers[] = "SELECT card_id, id FROM attachments WHERE board_id = ? AND "
                       "thumbnail_state = 'ready' ORDER BY rid";
const char kLabels[] = "SELECT id, board_id, name, color, version, created_at, updated_at "
                       "FROM labels WHERE board_id = ? ORDER BY name, id";
const char kMembers[] = "SELECT m.board_id, m.user_id, u.display_name, m.role, m.created_at "
                        "FROM board_members m JOIN users u ON u.id = m.user_id "
                        "WHERE m.board_id = ? ORDER BY u.display_name, m.user_id";
} // namespace

void SnapshotReader::write(QByteArray &out, const Board &board, bool includeArchived)
{
    {
        JsonWriter w(512);
        writeJson(w, board);
        out.append("{\"board\":");
        out.append(w.data());
    }

    out.append(",\"columns\":[");
    {
        Statement q(m_db, kColumns);
        q.bind(1, board.id);
        for (bool first = true; q.next(); first = false) {
            out.append(first ? "{" : ",{");
            field(out, "\"id\":", q.text(0));
            field(out, ",\"board_id\":", q.text(1));
            field(out, ",\"name\":", q.text(2));
            field(out, ",\"position\":", q.text(3));
            if (q.isNull(4))
                out.append(",\"wip_limit\":null");
            else
                number(out, ",\"wip_limit\":", int(q.integer(4)));
            number(out, ",\"version\":", q.integer(5));
            time(out, ",\"created_at\":", q.text(6));
            time(out, ",\"updated_at\":", q.text(7));
            out.append('}');
        }
    }
    out.append(']');

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
    collect(kAttachments, [](CardExtras &e, Statement &q) { e.attachmentCount = q.integer(1); });
    collect(kCovers, [](CardExtras &e, Statement &q) { e.coverId = q.text(1).toByteArray(); });

    out.append(",\"cards\":[");
    {
        Statement q(m_db, includeArchived ? kCardsWithArchived : kCards);
        q.bind(1, board.id);
        for (bool first = true; q.next(); first = false) {
            const QByteArrayView id = q.text(0);
            const auto it = extras.find(QByteArray::fromRawData(id.data(), id.size()));
            CardExtras *e = it == extras.end() ? nullptr : &*it;
            out.append(first ? "{" : ",{");
            field(out, "\"id\":", id);
            field(out, ",\"board_id\":", q.text(1));
            field(out, ",\"column_id\":", q.text(2));
            field(out, ",\"position\":", q.text(3));
            field(out, ",\"title\":", q.text(4));
            field(out, ",\"description\":", q.text(5));
            time(out, ",\"due_at\":", q.text(6));
            out.append(q.integer(7) != 0 ? ",\"archived\":true" : ",\"archived\":false");
            field(out, ",\"created_by\":", q.text(8));
            ids(out, ",\"label_ids\":", e ? &e->labelIds : nullptr);
            ids(out, ",\"assignee_ids\":", e ? &e->assigneeIds : nullptr);
            number(out, ",\"checklist_progress\":{\"done\":", e ? e->checklistDone : 0);
            number(out, ",\"total\":", e ? e->checklistTotal : 0);
            number(out, "},\"comment_count\":", e ? e->commentCount : 0);
            number(out, ",\"attachment_count\":", e ? e->attachmentCount : 0);
            if (e && !e->coverId.isEmpty())
                field(out, ",\"cover_attachment_id\":", e->coverId);
            else
                out.append(",\"cover_attachment_id\":null");
            number(out, ",\"version\":", q.integer(9));
            time(out, ",\"created_at\":", q.text(10));
            time(out, ",\"updated_at\":", q.text(11));
            out.append('}');
        }
    }
    out.append(']');

    out.append(",\"labels\":[");
    {
        Statement q(m_db, kLabels);
        q.bind(1, board.id);
        for (bool first = true; q.next(); first = false) {
            out.append(first ? "{" : ",{");
            field(out, "\"id\":", q.text(0));
            field(out, ",\"board_id\":", q.text(1));
            field(out, ",\"name\":", q.text(2));
            field(out, ",\"color\":", q.text(3));
            number(out, ",\"version\":", q.integer(4));
            time(out, ",\"created_at\":", q.text(5));
            time(out, ",\"updated_at\":", q.text(6));
            out.append('}');
        }
    }
    out.append(']');

    out.append(",\"members\":[");
    {
        Statement q(m_db, kMembers);
        q.bind(1, board.id);
        for (bool first = true; q.next(); first = false) {
            out.append(first ? "{" : ",{");
            field(out, "\"board_id\":", q.text(0));
            field(out, ",\"user_id\":", q.text(1));
            field(out, ",\"display_name\":", q.text(2));
            field(out, ",\"role\":", q.text(3));
            time(out, ",\"added_at\":", q.text(4));
            out.append('}');
        }
    }
    out.append("]}");
}

} // namespace corkboard
