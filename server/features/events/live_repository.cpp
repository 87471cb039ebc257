#include "server/features/events/live_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
const QString kPrunedKey = QStringLiteral("events_pruned_through");
} // namespace

bool LiveRepository::isMember(const QString &boardId, const QString &userId)
{
    SqlQuery q(
        m_db, QStringLiteral("SELECT 1 FROM board_members WHERE board_id = ? AND user_id = ?"));
    q.bind(0, boardId).bind(1, userId).exec();
    return q.next();
}

QStringList LiveRepository::memberIds(const QString &boardId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT user_id FROM board_members WHERE board_id = ?"));
    q.bind(0, boardId).exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

qint64 LiveRepository::latestSeq()
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"));
    q.exec();
    const qint64 stored = q.next() ? q.value(0).toLongLong() : 0;
    return std::max(stored, prunedThrough());
}

qint64 LiveRepository::prunedThrough()
{
    SqlQuery q(m_db, QStringLiteral("SELECT value FROM server_meta WHERE key = ?"));
    q.bind(0, kPrunedKey).exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

int LiveRepository::prune(int keepCount, const QDateTime &olderThan)
{
    Transaction tx(m_db);
    // The newest event that has to go: the last one past the count, or the last one too old.
    SqlQuery byCount(
        m_db, QStringLiteral("SELECT seq FROM events ORDER BY seq DESC LIMIT 1 OFFSET ?"));
    byCount.bind(0, keepCount).exec();
    qint64 through = byCount.next() ? byCount.value(0).toLongLong() : 0;
    SqlQuery byAge(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE at < ?"));
    byAge.bind(0, toRfc3339(olderThan)).exec();
    if (byAge.next())
        through = std::max(through, byAge.value(0).toLongLong());
    if (through <= prunedThrough()) {
        tx.commit();
        return 0;
    }
    SqlQuery remove(m_db, QStringLiteral("DELETE FROM events WHERE seq <= ?"));
    remove.bind(0, through).exec();
    const int removed = remove.numRowsAffected();
    SqlQuery mark(m_db,
        QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    mark.bind(0, kPrunedKey).bind(1, QString::number(through)).exec();
    tx.commit();
    return removed;
}

} // namespace corkboard
