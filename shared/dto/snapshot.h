#pragma once

#include "shared/dto/board.h"
#include "shared/dto/card.h"
#include "shared/dto/column.h"
#include "shared/dto/label.h"

#include <QByteArray>
#include <QList>

namespace corkboard {

//! GET /boards/{id}: the whole board in one response.
struct BoardSnapshot
{
    Board board;
    QList<Column> columns;
    QList<Card> cards;
    QList<Label> labels;
    QList<BoardMember> members;
};

void writeJson(JsonWriter &w, const BoardSnapshot &snapshot);
BoardSnapshot boardSnapshotFromJson(const QJsonObject &o);

//! The live-update envelope: {seq, type, board_id, actor_id, at, data}.
struct EventEnvelope
{
    qint64 seq = 0;
    QString type;
    QString boardId;
    QString actorId;
    QDateTime at;
    QByteArray data; //!< the resource JSON as GET returns it ({id} for deletions)
};

void writeJson(JsonWriter &w, const EventEnvelope &event);
EventEnvelope eventEnvelopeFromJson(const QJsonObject &o);

} // namespace corkboard
