#pragma once

#include "shared/dto/comment.h"

#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for comments and their mentions.
class CommentRepository
{
public:
    explicit CommentRepository(Database &db)
        : m_db(db)
    {
    }

    struct Page
    {
        QList<Comment> comments;
        QList<qint64> rids; //!< row of each comment, for cursors
    };
    //! Comments of a card after the row `afterRid`, oldest first.
    Page list(const QString &cardId, qint64 afterRid, int limit);
    std::optional<Comment> find(const QString &id);
    void insert(const Comment &comment);
    void update(const Comment &comment);
    void remove(const QString &id);
    void setMentions(const QString &commentId, const QStringList &userIds);

private:
    Database &m_db;
};

} // namespace corkboard
