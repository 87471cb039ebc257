#include "shared/client/cards_api.h"

#include "shared/client/boards_api.h"
#include "shared/time_format.h"

#include <QJsonArray>

namespace corkboard::client {

namespace {
const QString kCards = QStringLiteral("/api/v1/cards/");

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toRfc3339(t)) : QJsonValue(QJsonValue::Null);
}

ApiRequest withIfMatch(ApiRequest r, std::optional<qint64> version)
{
    if (version)
        r.ifMatch = QByteArray::number(*version);
    return r;
}

ApiResult<Card> toCard(const ApiResponse &r)
{
    return decode::object<Card>(r, &cardFromJson);
}
} // namespace

QFuture<ApiResult<Card>> CardsApi::createCard(const QString &boardId, const NewCard &card)
{
    QJsonObject body {
        {QStringLiteral("column_id"), card.columnId}, {QStringLiteral("title"), card.title}};
    if (!card.description.isEmpty())
        body.insert(QStringLiteral("description"), card.description);
    if (!card.assigneeIds.isEmpty())
        body.insert(QStringLiteral("assignee_ids"), toArray(card.assigneeIds));
    if (!card.labelIds.isEmpty())
        body.insert(QStringLiteral("label_ids"), toArray(card.labelIds));
    if (card.dueAt.isValid())
        body.insert(QStringLiteral("due_at"), toRfc3339(card.dueAt));
    if (card.atTop)
        body.insert(QStringLiteral("after_card_id"), QJsonValue(QJsonValue::Null));
    else if (!card.afterCardId.isEmpty())
        body.insert(QStringLiteral("after_card_id"), card.afterCardId);
    return m_client.call<Card>(ApiRequest::create(QStringLiteral("/api/v1/boards/")
                                       + pathSegment(boardId) + QStringLiteral("/cards"),
                                   body),
        &toCard);
}

QFuture<ApiResult<CardDetail>> CardsApi::card(const QString &cardId)
{
    return m_client.call<CardDetail>(ApiRequest::get(kCards + pathSegment(cardId)),
        [](const ApiResponse &r) { return decode::object<CardDetail>(r, &cardDetailFromJson); });
}

QFuture<ApiResult<Card>> CardsApi::updateCard(
    const QString &cardId, const CardPatch &patch, std::optional<qint64> ifMatch)
{
    QJsonObject body;
    if (patch.title)
        body.insert(QStringLiteral("title"), *patch.title);
    if (patch.description)
        body.insert(QStringLiteral("description"), *patch.description);
    if (patch.assigneeIds)
        body.insert(QStringLiteral("assignee_ids"), toArray(*patch.assigneeIds));
    if (patch.labelIds)
        body.insert(QStringLiteral("label_ids"), toArray(*patch.labelIds));
    if (patch.dueAt)
        body.insert(QStringLiteral("due_at"), timeOrNull(*patch.dueAt));
    if (patch.archived)
        body.insert(QStringLiteral("archived"), *patch.archived);
    return m_client.call<Card>(
        withIfMatch(ApiRequest::json("PATCH", kCards + pathSegment(cardId), body), ifMatch),
        &toCard);
}

QFuture<ApiResult<NoContent>> CardsApi::deleteCard(
    const QString &cardId, std::optional<qint64> ifMatch)
{
    return m_client.call<NoContent>(
        withIfMatch(ApiRequest::del(kCards + pathSegment(cardId)), ifMatch), &decode::none);
}

QFuture<ApiResult<Card>> CardsApi::moveCard(const QString &cardId, const CardPlacement &placement)
{
    QJsonObject body {{QStringLiteral("column_id"), placement.columnId}};
    if (!placement.afterCardId.isEmpty())
        body.insert(QStringLiteral("after_card_id"), placement.afterCardId);
    else if (!placement.beforeCardId.isEmpty())
        body.insert(QStringLiteral("before_card_id"), placement.beforeCardId);
    return m_client.call<Card>(
        ApiRequest::json("POST", kCards + pathSegment(cardId) + QStringLiteral("/move"), body),
        &toCard);
}

QFuture<ApiResult<ChecklistItem>> CardsApi::addChecklistItem(
    const QString &cardId, const QString &text)
{
    return m_client.call<ChecklistItem>(
        ApiRequest::create(kCards + pathSegment(cardId) + QStringLiteral("/checklist"),
            {{QStringLiteral("text"), text}}),
        [](const ApiResponse &r) {
            return decode::object<ChecklistItem>(r, &checklistItemFromJson);
        });
}

QFuture<ApiResult<ChecklistItem>> CardsApi::updateChecklistItem(
    const QString &itemId, const std::optional<QString> &text, const std::optional<bool> &done)
{
    QJsonObject body;
    if (text)
        body.insert(QStringLiteral("text"), *text);
    if (done)
        body.insert(QStringLiteral("done"), *done);
    return m_client.call<ChecklistItem>(
        ApiRequest::json(
            "PATCH", QStringLiteral("/api/v1/checklist-items/") + pathSegment(itemId), body),
        [](const ApiResponse &r) {
            return decode::object<ChecklistItem>(r, &checklistItemFromJson);
        });
}

QFuture<ApiResult<ChecklistItem>> CardsApi::moveChecklistItem(
    const QString &itemId, const QString &afterItemId)
{
    const QJsonObject body {{QStringLiteral("after_item_id"),
        afterItemId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(afterItemId)}};
    return m_client.call<ChecklistItem>(
        ApiRequest::json(
            "PATCH", QStringLiteral("/api/v1/checklist-items/") + pathSegment(itemId), body),
        [](const ApiResponse &r) {
            return decode::object<ChecklistItem>(r, &checklistItemFromJson);
        });
}

QFuture<ApiResult<NoContent>> CardsApi::deleteChecklistItem(const QString &itemId)
{
    return m_client.call<NoContent>(
        ApiRequest::del(QStringLiteral("/api/v1/checklist-items/") + pathSegment(itemId)),
        &decode::none);
}

QFuture<ApiResult<Page<Comment>>> CardsApi::comments(const QString &cardId, const PageRequest &page)
{
    QUrlQuery q;
    page.addTo(q);
    return m_client.call<Page<Comment>>(
        ApiRequest::get(kCards + pathSegment(cardId) + QStringLiteral("/comments"), q),
        [](const ApiResponse &r) { return decode::page<Comment>(r, &commentFromJson); });
}

QFuture<ApiResult<Comment>> CardsApi::addComment(
    const QString &cardId, const QString &body, const QStringList &mentionIds)
{
    QJsonObject json {{QStringLiteral("body"), body}};
    if (!mentionIds.isEmpty())
        json.insert(QStringLiteral("mention_ids"), toArray(mentionIds));
    return m_client.call<Comment>(
        ApiRequest::create(kCards + pathSegment(cardId) + QStringLiteral("/comments"), json),
        [](const ApiResponse &r) { return decode::object<Comment>(r, &commentFromJson); });
}

QFuture<ApiResult<Comment>> CardsApi::updateComment(
    const QString &commentId, const QString &body, std::optional<qint64> ifMatch)
{
    return m_client.call<Comment>(
        withIfMatch(
            ApiRequest::json("PATCH", QStringLiteral("/api/v1/comments/") + pathSegment(commentId),
                {{QStringLiteral("body"), body}}),
            ifMatch),
        [](const ApiResponse &r) { return decode::object<Comment>(r, &commentFromJson); });
}

QFuture<ApiResult<NoContent>> CardsApi::deleteComment(const QString &commentId)
{
    return m_client.call<NoContent>(
        ApiRequest::del(QStringLiteral("/api/v1/comments/") + pathSegment(commentId)),
        &decode::none);
}

} // namespace corkboard::client
