#include "server/features/checklists/checklist_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/cards/card_repository.h"
#include "server/features/cards/card_service.h"
#include "server/features/checklists/checklist_repository.h"
#include "server/features/common/position_key.h"
#include "server/features/common/service_util.h"
#include "server/platform/crypto.h"
#include "shared/json_writer.h"

#include <algorithm>

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

void ChecklistService::recordChange(Mutation &m, const QString &boardId, const QString &cardId,
    const QString &itemId, const char *change, const QString &itemText)
{
    const CardDetail detail = CardService::detail(m_deps.db, cardId);
    JsonWriter w(96);
    w.beginObject().field("change", change).field("item", itemText).endObject();
    m.record(QStringLiteral("checklist.changed"), boardId, itemId, detail.card.title,
        encodeJson(detail), {cardId, w.take()});
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
    recordChange(m, card->boardId, cardId, i.id, "added", i.text);
    m.commit();
    return i;
}

ChecklistItem ChecklistService::update(const QString &userId, const QString &itemId,
    const std::optional<QString> &text, const std::optional<bool> &done,
    const Patch<QString> &after, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    auto loaded = load(userId, itemId);
    ChecklistItem &i = loaded.item;
    requireVersion(ifMatch, i.version, i);
    // What the activity says happened: the most telling of the changes asked for.
    const char *change = after.present ? "moved" : "edited";
    if (done && *done != i.done)
        change = *done ? "ticked" : "unticked";
    if (text && *text != i.text)
        change = "edited";
    if (text)
        i.text = *text;
    if (done)
        i.done = *done;
    if (after.present)
        i.position = placeAfter(i, after.value.value_or(QString()));
    i.version += 1;
    i.updatedAt = m.now();
    ChecklistRepository(m_deps.db).update(i);
    recordChange(m, loaded.boardId, i.cardId, i.id, change, i.text);
    m.commit();
    return i;
}

QString ChecklistService::placeAfter(const ChecklistItem &item, const QString &afterId)
{
    ChecklistRepository repo(m_deps.db);
    QList<ChecklistItem> others = repo.listForCard(item.cardId); // in order
    others.removeIf([&](const ChecklistItem &o) { return o.id == item.id; });
    qsizetype at = 0; // the index the item takes among the others
    if (!afterId.isEmpty()) {
        const auto anchor = std::find_if(others.cbegin(), others.cend(),
            [&](const ChecklistItem &o) { return o.id == afterId; });
        if (anchor == others.cend())
            throw AppError::validation(QStringLiteral("after_item_id"),
                QStringLiteral("not_in_checklist"),
                QStringLiteral("not another item of this card's checklist"));
        at = anchor - others.cbegin() + 1;
    }
    const QString lo = at > 0 ? others.at(at - 1).position : QString();
    const QString hi = at < others.size() ? others.at(at).position : QString();
    QString key = hi.isEmpty() ? position::after(lo) : position::between(lo, hi);
    if (key.size() <= position::kRebalanceLength)
        return key;
    // Keys in this gap grew too long: respace the whole list in this transaction.
    const QStringList keys = position::spread(QString(), QString(), int(others.size()) + 1);
    repo.parkPositions(item.cardId);
    int k = 0;
    for (qsizetype n = 0; n <= others.size(); ++n) {
        if (n == at)
            key = keys.at(k++);
        if (n < others.size())
            repo.setPosition(others.at(n).id, keys.at(k++));
    }
    return key;
}

void ChecklistService::remove(
    const QString &userId, const QString &itemId, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    const auto loaded = load(userId, itemId);
    requireVersion(ifMatch, loaded.item.version, loaded.item);
    ChecklistRepository(m_deps.db).remove(itemId);
    recordChange(m, loaded.boardId, loaded.item.cardId, itemId, "deleted", loaded.item.text);
    m.commit();
}

} // namespace corkboard
