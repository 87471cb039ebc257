#pragma once

#include "shared/client/api_decode.h"
#include "shared/dto/card.h"
#include "shared/dto/comment.h"

#include <optional>

namespace corkboard::client {

//! Body of POST /boards/{id}/cards.
struct NewCard
{
    QString columnId;
    QString title;
    QString description;
    QStringList assigneeIds;
    QStringList labelIds;
    QDateTime dueAt; //!< invalid: none
    QString afterCardId; //!< empty: at the bottom (or the top, with atTop)
    bool atTop = false; //!< the top of the column (after_card_id: null)
};

//! Fields of PATCH /cards/{id}; unset members are left alone. `dueAt` holding an invalid
//! QDateTime clears the due date.
struct CardPatch
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QStringList> assigneeIds;
    std::optional<QStringList> labelIds;
    std::optional<QDateTime> dueAt;
    std::optional<bool> archived;
    bool isEmpty() const
    {
        return !title && !description && !assigneeIds && !labelIds && !dueAt && !archived;
    }
};

//! Where POST /cards/{id}/move puts a card: into `columnId`, after or before a neighbour (both
//! empty: at the top).
//! Where a moved card goes: after `afterCardId`, else before `beforeCardId`, else (neither
//! set) at the bottom of the column. A drop at the top names the card it goes before.
struct CardPlacement
{
    QString columnId;
    QString afterCardId;
    QString beforeCardId;
};

//! Typed calls for cards, checklist items and comments.
class CardsApi
{
public:
    explicit CardsApi(ApiClient &client)
        : m_client(client)
    {
    }

    QFuture<ApiResult<Card>> createCard(const QString &boardId, const NewCard &card);
    //! GET /cards/{id}: the card with its checklist and attachments.
    QFuture<ApiResult<CardDetail>> card(const QString &cardId);
    QFuture<ApiResult<Card>> updateCard(const QString &cardId, const CardPatch &patch,
        std::optional<qint64> ifMatch = std::nullopt);
    QFuture<ApiResult<NoContent>> deleteCard(
        const QString &cardId, std::optional<qint64> ifMatch = std::nullopt);
    //! Not retried on failure: a POST without Idempotency-Key (the caller reloads instead).
    QFuture<ApiResult<Card>> moveCard(const QString &cardId, const CardPlacement &placement);

    QFuture<ApiResult<ChecklistItem>> addChecklistItem(const QString &cardId, const QString &text);
    QFuture<ApiResult<ChecklistItem>> updateChecklistItem(
        const QString &itemId, const std::optional<QString> &text, const std::optional<bool> &done);
    //! Moves the item right after `afterItemId` of the same card (empty: to the top).
    QFuture<ApiResult<ChecklistItem>> moveChecklistItem(
        const QString &itemId, const QString &afterItemId);
    QFuture<ApiResult<NoContent>> deleteChecklistItem(const QString &itemId);

    QFuture<ApiResult<Page<Comment>>> comments(const QString &cardId, const PageRequest &page = {});
    QFuture<ApiResult<Comment>> addComment(
        const QString &cardId, const QString &body, const QStringList &mentionIds = {});
    QFuture<ApiResult<Comment>> updateComment(const QString &commentId, const QString &body,
        std::optional<qint64> ifMatch = std::nullopt);
    QFuture<ApiResult<NoContent>> deleteComment(const QString &commentId);

private:
    ApiClient &m_client;
};

} // namespace corkboard::client
