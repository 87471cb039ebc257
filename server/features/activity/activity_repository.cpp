#include "server/features/activity/activity_repository.h"

#include "server/platform/database.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

#include <QJsonDocument>

#include <limits>

namespace corkboard {

void ActivityRepository::insert(const NewEntry &entry)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO activity (board_id, actor_id, action, entity_id, summary, "
                       "event_seq, at, card_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, entry.boardId)
        .bind(1, entry.actorId)
        .bind(2, entry.action)
        .bind(3, entry.entityId)
        .bind(4, entry.summary)
        .bind(5, entry.seq);
    q.bind(6, toRfc3339(entry.at))
        .bind(7, entry.cardId.isEmpty() ? QVariant() : QVariant(entry.cardId))
        .bind(8,
            entry.detailsJson.isEmpty() ? QStringLiteral("{}")
                                        : QString::fromUtf8(entry.detailsJson))
        .exec();
}

QList<ActivityEntry> ActivityRepository::list(
    const QString &boardId, const QString &cardId, qint64 beforeId, int limit)
{
    const QString select = QStringLiteral(
        "SELECT a.id, a.board_id, a.actor_id, COALESCE(u.display_name, ''), a.action, "
        "a.entity_id, a.summary, a.event_seq, a.at, a.card_id, a.details FROM activity a "
        "LEFT JOIN users u ON u.id = a.actor_id ");
    SqlQuery q(m_db,
        select
            + (cardId.isEmpty()
                    ? QStringLiteral("WHERE a.board_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?")
                    : QStringLiteral("WHERE a.card_id = ? AND a.board_id = ? AND a.id < ? "
                                     "ORDER BY a.id DESC LIMIT ?")));
    int at = 0;
    if (!cardId.isEmpty())
        q.bind(at++, cardId);
    q.bind(at, boardId)
        .bind(at + 1, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max())
        .bind(at + 2, limit)
        .exec();
    QList<ActivityEntry> out;
    while (q.next()) {
        ActivityEntry e;
        e.id = q.value(0).toLongLong();
        e.boardId = q.value(1).toString();
        e.actorId = q.value(2).toString();
        e.actorName = q.value(3).toString();
        e.action = q.value(4).toString();
        e.entityId = q.value(5).toString();
        e.summary = q.value(6).toString();
        e.seq = q.value(7).toLongLong();
        e.at = fasttime::storedTime(q.value(8).toString());
        e.cardId = q.value(9).toString();
        e.details = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
        out.append(e);
    }
    return out;
}

} // namespace corkboard
