#pragma once

#include "server/features/events/mutation.h"
#include "shared/dto/comment.h"

#include <optional>

namespace corkboard {

//! Comments: every member (viewers too) may read and comment; only the author edits; the author
//! or a board owner deletes. Mentions must be board members.
class CommentService
{
public:
    explicit CommentService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    struct Page
    {
        QList<Comment> comments;
        QString nextCursor;
    };
    Page list(const QString &userId, const QString &cardId, const QString &cursor, int limit);
    Comment create(const QString &userId, const QString &cardId, const QString &body,
        const QStringList &mentionIds);
    Comment update(const QString &userId, const QString &commentId,
        const std::optional<QString> &body, const std::optional<QStringList> &mentionIds,
        std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &commentId, std::optional<qint64> ifMatch);

private:
    void checkMentions(const QString &boardId, const QStringList &mentionIds);
    ServiceDeps m_deps;
};

} // namespace corkboard
