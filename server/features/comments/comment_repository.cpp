#include "server/features/comments/comment_repository.h"

#include "server/platform/database.h"
#include "server/platform/sql_dialect.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
const QString &selectSql(const Database &db)
{
    return sql::perEngine(db, [](SqlEngine engine) {
        return QStringLiteral("SELECT c.id, c.card_id, c.board_id, c.author_id, c.body, "
                              "c.version, c.created_at, c.updated_at, "
                              "(SELECT %1 FROM comment_mentions WHERE comment_id = c.id), c.rid "
                              "FROM comments c ")
            .arg(sql::groupConcat(engine, "user_id"));
    });
}

Comment readComment(SqlQuery &q)
{
    Comment c;
    c.id = q.value(0).toString();
    c.cardId = q.value(1).toString();
    c.boardId = q.value(2).toString();
    c.authorId = q.value(3).toString();
    c.body = q.value(4).toString();
    c.version = q.value(5).toLongLong();
    c.createdAt = fasttime::storedTime(q.value(6).toString());
    c.updatedAt = fasttime::storedTime(q.value(7).toString());
    if (!q.value(8).isNull()) {
        c.mentionIds = q.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        c.mentionIds.sort();
    }
    return c;
}
} // namespace

CommentRepository::Page CommentRepository::list(const QString &cardId, qint64 afterRid, int limit)
{
    SqlQuery q(m_db,
        selectSql(m_db)
            + QStringLiteral("WHERE c.card_id = ? AND c.rid > ? ORDER BY c.rid LIMIT ?"));
    q.bind(0, cardId).bind(1, afterRid).bind(2, limit).exec();
    Page page;
    while (q.next()) {
        page.comments.append(readComment(q));
        page.rids.append(q.value(9).toLongLong());
    }
    return page;
}

std::optional<Comment> CommentRepository::find(const QString &id)
{
    SqlQuery q(m_db, selectSql(m_db) + QStringLiteral("WHERE c.id = ?"));
    q.bind(0, id).exec();
    if (!q.next())
        return std::nullopt;
    return readComment(q);
}

void CommentRepository::insert(const Comment &c)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO comments (id, card_id, board_id, author_id, body, version, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, c.id)
        .bind(1, c.cardId)
        .bind(2, c.boardId)
        .bind(3, c.authorId)
        .bind(4, c.body)
        .bind(5, c.version);
    q.bind(6, toRfc3339(c.createdAt)).bind(7, toRfc3339(c.updatedAt)).exec();
}

void CommentRepository::update(const Comment &c)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE comments SET body = ?, version = ?, updated_at = ? WHERE id = ?"));
    q.bind(0, c.body).bind(1, c.version).bind(2, toRfc3339(c.updatedAt)).bind(3, c.id).exec();
}

void CommentRepository::remove(const QString &id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM comments WHERE id = ?"));
    q.bind(0, id).exec();
}

void CommentRepository::setMentions(const QString &commentId, const QStringList &userIds)
{
    SqlQuery del(m_db, QStringLiteral("DELETE FROM comment_mentions WHERE comment_id = ?"));
    del.bind(0, commentId).exec();
    for (const auto &id : userIds) {
        SqlQuery q(m_db,
            QStringLiteral("INSERT INTO comment_mentions (comment_id, user_id) VALUES (?, ?)"));
        q.bind(0, commentId).bind(1, id).exec();
    }
}

} // namespace corkboard
