#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace corkboard {

class JsonWriter;

namespace dto {

//! One change on a board, as the WebSocket/SSE event envelope carries it:
//! {"seq", "type", "board_id", "actor_id", "at", "data"}.
struct LiveEvent
{
    qint64 seq = -1; //!< -1: not part of the sequence (presence.changed carries "seq": null)
    QString type; //!< e.g. "card.moved"
    QString boardId;
    QString actorId;
    QDateTime at;
    QJsonObject data; //!< the resource as GET returns it ({id} for deletions)
};

void writeJson(JsonWriter &w, const LiveEvent &event);
//! Decodes an envelope; false when type or board_id is missing or seq is neither a number nor null.
bool fromJson(const QJsonObject &json, LiveEvent &out);

} // namespace dto
} // namespace corkboard
