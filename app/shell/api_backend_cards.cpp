// ApiBackend, cards: create, move, load, change, archive, delete; checklist items; comments.
#include "app/shell/api_backend.h"
#include "app/shell/api_backend_util.h"
#include "shared/client/cards_api.h"

namespace corkboard::ui {

using client::ApiResult;
using detail::deliver;

namespace {
Nothing nothing(const client::NoContent &)
{
    return {};
}
} // namespace

void ApiBackend::createCard(QObject *context, const QString &boardId, const QString &columnId,
    const QString &title, const QString &afterCardId, Callback<Card> done, bool atTop)
{
    client::NewCard card;
    card.columnId = columnId;
    card.title = title;
    card.afterCardId = afterCardId;
    card.atTop = atTop;
    deliver(m_cards->createCard(boardId, card), context, std::move(done));
}

void ApiBackend::moveCard(QObject *context, const QString &cardId, const QString &columnId,
    const QString &afterCardId, const QString &beforeCardId, Callback<Card> done)
{
    client::CardPlacement placement {columnId, afterCardId, beforeCardId};
    deliver(m_cards->moveCard(cardId, placement), context, std::move(done));
}

void ApiBackend::loadCard(QObject *context, const QString &cardId, Callback<CardDetail> done)
{
    deliver(m_cards->card(cardId), context, std::move(done));
}

void ApiBackend::listComments(
    QObject *context, const QString &cardId, Callback<QList<Comment>> done)
{
    client::PageRequest page;
    page.limit = 200;
    deliver(m_cards->comments(cardId, page), context, std::move(done),
        [](const client::Page<Comment> &p) { return p.items; });
}

void ApiBackend::setCardArchived(
    QObject *context, const QString &cardId, bool archived, Callback<Card> done)
{
    client::CardPatch p;
    p.archived = archived;
    deliver(m_cards->updateCard(cardId, p), context, std::move(done));
}

void ApiBackend::deleteCard(QObject *context, const QString &cardId, Callback<Nothing> done)
{
    deliver(m_cards->deleteCard(cardId), context, std::move(done), nothing);
}

void ApiBackend::updateCard(QObject *context, const QString &cardId, qint64 version,
    const client::CardPatch &patch, Callback<Card> done)
{
    deliver(m_cards->updateCard(cardId, patch, version), context, std::move(done));
}

void ApiBackend::addChecklistItem(
    QObject *context, const QString &cardId, const QString &text, Callback<ChecklistItem> done)
{
    deliver(m_cards->addChecklistItem(cardId, text), context, std::move(done));
}

void ApiBackend::setChecklistItemDone(
    QObject *context, const QString &itemId, bool done, Callback<ChecklistItem> doneCb)
{
    deliver(m_cards->updateChecklistItem(itemId, std::nullopt, done), context, std::move(doneCb));
}

void ApiBackend::editChecklistItem(
    QObject *context, const QString &itemId, const QString &text, Callback<ChecklistItem> done)
{
    deliver(m_cards->updateChecklistItem(itemId, text, std::nullopt), context, std::move(done));
}

void ApiBackend::moveChecklistItem(QObject *context, const QString &itemId,
    const QString &afterItemId, Callback<ChecklistItem> done)
{
    deliver(m_cards->moveChecklistItem(itemId, afterItemId), context, std::move(done));
}

void ApiBackend::deleteChecklistItem(
    QObject *context, const QString &itemId, Callback<Nothing> done)
{
    deliver(m_cards->deleteChecklistItem(itemId), context, std::move(done), nothing);
}

void ApiBackend::addComment(QObject *context, const QString &cardId, const QString &body,
    const QStringList &mentionIds, Callback<Comment> done)
{
    deliver(m_cards->addComment(cardId, body, mentionIds), context, std::move(done));
}

void ApiBackend::editComment(
    QObject *context, const QString &commentId, const QString &body, Callback<Comment> done)
{
    deliver(m_cards->updateComment(commentId, body), context, std::move(done));
}

void ApiBackend::deleteComment(QObject *context, const QString &commentId, Callback<Nothing> done)
{
    deliver(m_cards->deleteComment(commentId), context, std::move(done), nothing);
}

} // namespace corkboard::ui
