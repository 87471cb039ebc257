#include "server/features/notifications/notification_repository.h"

#include "server/platform/crypto.h"
#include "server/platform/database.h"

namespace corkboard {

namespace {

const QString kColumns = QStringLiteral(
    "seq, id, user_id, kind, board_id, card_id, actor_id, data, created_at, read_at");

NotificationRecord readRow(SqlQuery &q)
{
    NotificationRecord n;
    n.seq = q.value(0).toLongLong();
    n.id = q.value(1).toString();
    n.userId = q.value(2).toString();
    n.kind = q.value(3).toString();
    n.boardId = q.value(4).toString();
    n.cardId = q.value(5).toString();
    n.actorId = q.value(6).toString();
    n.dataJson = q.value(7).toString().toUtf8();
    n.createdAt = q.value(8).toString();
    n.readAt = q.value(9).toString();
    return n;
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace

NotificationRepository::NotificationRepository(Database &db)
    : m_db(db)
{
}

bool NotificationRepository::insert(const NewNotification &n, const QString &createdAt)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO notifications (id, user_id, kind, dedupe_key, board_id, card_id, "
            "actor_id, "
            "data, created_at) VALUES (:id, :user, :kind, :key, :board, :card, :actor, :data, :at) "
            "ON CONFLICT (dedupe_key) DO NOTHING"));
    q.bind(QStringLiteral(":id"), crypto::newId())
        .bind(QStringLiteral(":user"), n.userId)
        .bind(QStringLiteral(":kind"), n.kind)
        .bind(QStringLiteral(":key"), n.dedupeKey)
        .bind(QStringLiteral(":board"), nullable(n.boardId))
        .bind(QStringLiteral(":card"), nullable(n.cardId))
        .bind(QStringLiteral(":actor"), nullable(n.actorId))
        .bind(QStringLiteral(":data"), QString::fromUtf8(n.dataJson))
        .bind(QStringLiteral(":at"), createdAt)
        .bind(QStringLiteral(":user2"), n.userId)
        .exec();
    return q.numRowsAffected() > 0;
}

QStringList NotificationRepository::adminIds()
{
    SqlQuery q(m_db, QStringLiteral("SELECT id FROM users WHERE role = 'admin' AND disabled = 0"));
    q.exec();
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

QList<NotificationRecord> NotificationRepository::listForUser(
    const QString &userId, bool unreadOnly, int limit, qint64 cursorSeq)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(
                " FROM notifications WHERE user_id = :user AND (:unread = 0 OR read_at IS NULL) "
                "AND (:cursor1 = 0 OR seq < :cursor2) ORDER BY seq DESC LIMIT :limit"));
    q.bind(QStringLiteral(":user"), userId)
        .bind(QStringLiteral(":unread"), unreadOnly ? 1 : 0)
        .bind(QStringLiteral(":cursor1"), cursorSeq)
        .bind(QStringLiteral(":cursor2"), cursorSeq)
        .bind(QStringLiteral(":limit"), limit)
        .exec();
    QList<NotificationRecord> out;
    while (q.next())
        out.append(readRow(q));
    return out;
}

std::optional<NotificationRecord> NotificationRepository::findForUser(
    const QString &userId, const QString &id)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM notifications WHERE id = :id AND user_id = :user"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":user"), userId).exec();
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

void NotificationRepository::markRead(
    const QString &userId, const QString &id, const QString &readAt)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE notifications SET read_at = :at WHERE id = :id "
                       "AND user_id = :user AND read_at IS NULL"));
    q.bind(QStringLiteral(":at"), readAt)
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":user"), userId)
        .exec();
}

int NotificationRepository::markAllRead(const QString &userId, const QString &readAt)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE notifications SET read_at = :at WHERE user_id = :user "
                       "AND read_at IS NULL"));
    q.bind(QStringLiteral(":at"), readAt).bind(QStringLiteral(":user"), userId).exec();
    return q.numRowsAffected();
}

QList<NotificationRecord> NotificationRepository::since(qint64 afterSeq, int limit)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM notifications WHERE seq > :seq ORDER BY seq LIMIT :limit"));
    q.bind(QStringLiteral(":seq"), afterSeq).bind(QStringLiteral(":limit"), limit).exec();
    QList<NotificationRecord> out;
    while (q.next())
        out.append(readRow(q));
    return out;
}

qint64 NotificationRepository::maxSeq()
{
    SqlQuery q(m_db, QStringLiteral("SELECT coalesce(max(seq), 0) FROM notifications"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace corkboard
