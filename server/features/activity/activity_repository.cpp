#include "server/features/activity/activity_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

#include <limits>

namespace corkboard {

void ActivityRepository::insert(const QString &boardId, const QString &actorId,
    const QString &action, const QString &entityId, const QString &summary, qint64 seq,
    const QDateTime &at)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO activity (board_id, actor_id, action, entity_id, summary, event_seq, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, boardId)
        .bind(1, actorId)
        .bind(2, action)
        .bind(3, entityId)
        .bind(4, summary)
        .bind(5, seq);
    q.bind(6, toRfc3339(at)).exec();
}

QList<ActivityEntry> ActivityRepository::list(const QString &boardId, qint64 beforeId, int limit)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT a.id, a.board_id, a.actor_id, COALESCE(u.display_name, ''), a.action, "
            "a.entity_id, a.summary, a.event_seq, a.at FROM activity a "
            "LEFT JOIN users u ON u.id = a.actor_id "
            "WHERE a.board_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?"));
    q.bind(0, boardId)
        .bind(1, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max())
        .bind(2, limit)
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
        e.at = fromRfc3339(q.value(8).toString());
        out.append(e);
    }
    return out;
}

} // namespace corkboard
