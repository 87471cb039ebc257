#include "shared/dto/notification.h"

#include "shared/time_format.h"

namespace corkboard {

bool fromJson(const QJsonObject &json, Notification &out)
{
    const auto id = json.value(QLatin1String("id"));
    const auto kind = json.value(QLatin1String("kind"));
    if (!id.isString() || !kind.isString())
        return false;
    out.id = id.toString();
    out.kind = kind.toString();
    out.boardId = json.value(QLatin1String("board_id")).toString();
    out.cardId = json.value(QLatin1String("card_id")).toString();
    out.actorId = json.value(QLatin1String("actor_id")).toString();
    out.data = json.value(QLatin1String("data")).toObject();
    const QString readAt = json.value(QLatin1String("read_at")).toString();
    out.readAt = readAt.isEmpty() ? QDateTime() : fromRfc3339(readAt);
    out.read = json.value(QLatin1String("read")).toBool(out.readAt.isValid());
    out.createdAt = fromRfc3339(json.value(QLatin1String("created_at")).toString());
    return true;
}

} // namespace corkboard
