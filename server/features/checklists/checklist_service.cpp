#include "server/features/checklists/checklist_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/cards/card_repository.h"
#include "server/features/cards/card_service.h"
#include "server/features/checklists/checklist_repository.h"
#include "server/features/common/position_key.h"
#include "server/features/common/service_util.h"
#include "server/platform/crypto.h"

namespace corkboard {

ChecklistService::Loaded ChecklistService::load(const QString &userId, const QString &itemId)
{
    const auto item = ChecklistRepository(m_deps.db).find(itemId);
    const auto card = item ? CardRepository(m_deps.db).find(item->cardId) : std::nullopt;
    if (!item || !card)
        throw AppError::notFound(QStringLiteral("checklist item"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Editor, QStringLiteral("checklist item"));
    return {*item, card->boardId};
}

void ChecklistService::recordChange(
    Mutation &m, const QString &boardId, const QString &cardId, const QString &itemId)
{
    const CardDetail detail = CardService::detail(m_deps.db, cardId);
    m.record(QStringLiteral("checklist.changed"), boardId, itemId, detail.card.title,
        encodeJson(detail), {cardId, {}});
}

ChecklistItem ChecklistService::add(
    const QString &userId, const QString &cardId, const QString &text)
{
    Mutation m(m_deps, userId);
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Editor, QStringLiteral("card"));
    ChecklistRepository repo(m_deps.db);
    if (repo.countForCard(cardId) >= kMaxPerCard)
        throw AppError::validation(QStringLiteral("text"), QStringLiteral("limit_reached"),
            QStringLiteral("a card has at most %1 checklist items").arg(kMaxPerCard));
    ChecklistItem i;
    i.id = crypto::newId();
    i.cardId = cardId;
    i.text = text;
    i.position = position::between(repo.lastPosition(cardId), QString());
    i.createdAt = i.updatedAt = m.now();
    repo.insert(i);
    recordChange(m, card->boardId, cardId, i.id);
    m.commit();
    return i;
}

ChecklistItem ChecklistService::update(const QString &userId, const QString &itemId,
    const std::optional<QString> &text, const std::optional<bool> &done,
    std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    auto loaded = load(userId, itemId);
    ChecklistItem &i = loaded.item;
    requireVersion(ifMatch, i.version, i);
    if (text)
        i.text = *text;
    if (done)
        i.done = *done;
    i.version += 1;
    i.updatedAt = m.now();
    ChecklistRepository(m_deps.db).update(i);
    recordChange(m, loaded.boardId, i.cardId, i.id);
    m.commit();
    return i;
}

void ChecklistService::remove(
    const QString &userId, const QString &itemId, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    const auto loaded = load(userId, itemId);
    requireVersion(ifMatch, loaded.item.version, loaded.item);
    ChecklistRepository(m_deps.db).remove(itemId);
    recordChange(m, loaded.boardId, loaded.item.cardId, itemId);
    m.commit();
}

} // namespace corkboard
