#include "server/features/comments/comment_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/cards/card_repository.h"
#include "server/features/comments/comment_repository.h"
#include "server/features/common/service_util.h"
#include "server/platform/crypto.h"
#include "shared/json_writer.h"

namespace corkboard {

namespace {
QString summaryOf(const QString &body)
{
    return body.size() > 80 ? body.left(80) + QStringLiteral("…") : body;
}
} // namespace

void CommentService::checkMentions(const QString &boardId, const QStringList &mentionIds)
{
    if (CardRepository(m_deps.db).countBoardMembers(boardId, mentionIds) != mentionIds.size())
        throw AppError::validation(QStringLiteral("mention_ids"), QStringLiteral("not_a_member"),
            QStringLiteral("every mentioned user must be a member of this board"));
}

CommentService::Page CommentService::list(
    const QString &userId, const QString &cardId, const QString &cursor, int limit)
{
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Viewer, QStringLiteral("card"));
    bool ok = cursor.isEmpty();
    const qint64 after = cursor.isEmpty() ? 0 : cursor.toLongLong(&ok);
    if (!ok)
        throw AppError::validation(
            QStringLiteral("cursor"), QStringLiteral("invalid"), QStringLiteral("not a cursor"));
    auto page = CommentRepository(m_deps.db).list(cardId, after, limit + 1);
    Page out;
    if (page.comments.size() > limit) {
        page.comments.removeLast();
        out.nextCursor = QString::number(page.rids.at(limit - 1));
    }
    out.comments = page.comments;
    return out;
}

Comment CommentService::create(const QString &userId, const QString &cardId, const QString &body,
    const QStringList &mentionIds)
{
    Mutation m(m_deps, userId);
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Viewer, QStringLiteral("card"));
    checkMentions(card->boardId, mentionIds);
    Comment c;
    c.id = crypto::newId();
    c.cardId = cardId;
    c.boardId = card->boardId;
    c.authorId = userId;
    c.body = body;
    c.mentionIds = mentionIds;
    c.mentionIds.sort();
    c.createdAt = c.updatedAt = m.now();
    CommentRepository repo(m_deps.db);
    repo.insert(c);
    repo.setMentions(c.id, c.mentionIds);
    m.record(QStringLiteral("comment.created"), c.boardId, c.id, summaryOf(body), encodeJson(c),
        {c.cardId, {}});
    m.commit();
    return c;
}

Comment CommentService::update(const QString &userId, const QString &commentId,
    const std::optional<QString> &body, const std::optional<QStringList> &mentionIds,
    std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    CommentRepository repo(m_deps.db);
    auto c = repo.find(commentId);
    if (!c)
        throw AppError::notFound(QStringLiteral("comment"));
    BoardAccess(m_deps.db).require(
        c->boardId, userId, BoardRole::Viewer, QStringLiteral("comment"));
    if (c->authorId != userId)
        throw AppError(ErrorCode::Forbidden, QStringLiteral("only the author may edit a comment"));
    requireVersion(ifMatch, c->version, *c);
    if (mentionIds) {
        checkMentions(c->boardId, *mentionIds);
        c->mentionIds = *mentionIds;
        c->mentionIds.sort();
        repo.setMentions(c->id, c->mentionIds);
    }
    if (body)
        c->body = *body;
    c->version += 1;
    c->updatedAt = m.now();
    repo.update(*c);
    m.record(QStringLiteral("comment.updated"), c->boardId, c->id, summaryOf(c->body),
        encodeJson(*c), {c->cardId, {}});
    m.commit();
    return *c;
}

void CommentService::remove(
    const QString &userId, const QString &commentId, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    CommentRepository repo(m_deps.db);
    const auto c = repo.find(commentId);
    if (!c)
        throw AppError::notFound(QStringLiteral("comment"));
    const BoardRole role = BoardAccess(m_deps.db).require(
        c->boardId, userId, BoardRole::Viewer, QStringLiteral("comment"));
    if (c->authorId != userId && role != BoardRole::Owner)
        throw AppError(ErrorCode::Forbidden,
            QStringLiteral("only the author or a board owner may delete a comment"));
    requireVersion(ifMatch, c->version, *c);
    repo.remove(c->id);
    // {id, card_id}: a window keeping the card's comment count knows which card lost one.
    JsonWriter w(128);
    w.beginObject().field("id", c->id).field("card_id", c->cardId).endObject();
    m.record(QStringLiteral("comment.deleted"), c->boardId, c->id, summaryOf(c->body), w.take(),
        {c->cardId, {}});
    m.commit();
}

} // namespace corkboard
