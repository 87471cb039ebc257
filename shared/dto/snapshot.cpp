#include "shared/dto/snapshot.h"

#include "shared/dto/dto_util.h"

#include <QJsonDocument>

namespace corkboard {

void writeJson(JsonWriter &w, const BoardSnapshot &s)
{
    w.beginObject();
    w.key("board");
    writeJson(w, s.board);
    w.key("columns").beginArray();
    for (const auto &c : s.columns)
        writeJson(w, c);
    w.endArray();
    w.key("cards").beginArray();
    for (const auto &c : s.cards)
        writeJson(w, c);
    w.endArray();
    w.key("labels").beginArray();
    for (const auto &l : s.labels)
        writeJson(w, l);
    w.endArray();
    w.key("members").beginArray();
    for (const auto &m : s.members)
        writeJson(w, m);
    w.endArray();
    w.endObject();
}

BoardSnapshot boardSnapshotFromJson(const QJsonObject &o)
{
    BoardSnapshot s;
    s.board = boardFromJson(o.value(QLatin1String("board")).toObject());
    for (const auto &v : o.value(QLatin1String("columns")).toArray())
        s.columns.append(columnFromJson(v.toObject()));
    for (const auto &v : o.value(QLatin1String("cards")).toArray())
        s.cards.append(cardFromJson(v.toObject()));
    for (const auto &v : o.value(QLatin1String("labels")).toArray())
        s.labels.append(labelFromJson(v.toObject()));
    for (const auto &v : o.value(QLatin1String("members")).toArray())
        s.members.append(boardMemberFromJson(v.toObject()));
    return s;
}

void writeJson(JsonWriter &w, const EventEnvelope &e)
{
    w.beginObject();
    w.field("seq", e.seq)
        .field("type", e.type)
        .field("board_id", e.boardId)
        .field("actor_id", e.actorId);
    dto::writeTime(w, "at", e.at);
    w.key("data").raw(e.data.isEmpty() ? QByteArrayLiteral("null") : e.data);
    w.endObject();
}

EventEnvelope eventEnvelopeFromJson(const QJsonObject &o)
{
    EventEnvelope e;
    e.seq = dto::integer(o, "seq");
    e.type = dto::str(o, "type");
    e.boardId = dto::str(o, "board_id");
    e.actorId = dto::str(o, "actor_id");
    e.at = dto::time(o, "at");
    const auto data = o.value(QLatin1String("data"));
    if (data.isObject())
        e.data = QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact);
    return e;
}

} // namespace corkboard
