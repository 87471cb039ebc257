#pragma once

#include "server/features/common/field_reader.h"
#include "server/features/events/mutation.h"
#include "shared/dto/card.h"

#include <optional>

namespace corkboard {

//! Checklist items of a card (editors and owners). Every change emits `checklist.changed` whose
//! data is the card with its whole checklist, as GET /cards/{id} returns it.
class ChecklistService
{
public:
    explicit ChecklistService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    static constexpr int kMaxPerCard = 200;

    ChecklistItem add(const QString &userId, const QString &cardId, const QString &text);
    //! `after` present: the item moves right after that item of the same card (null: to the top).
    ChecklistItem update(const QString &userId, const QString &itemId,
        const std::optional<QString> &text, const std::optional<bool> &done,
        const Patch<QString> &after, std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &itemId, std::optional<qint64> ifMatch);

private:
    struct Loaded
    {
        ChecklistItem item;
        QString boardId;
    };
    Loaded load(const QString &userId, const QString &itemId);
    //! The position key that puts `item` right after `afterId` (empty: first), respacing the
    //! card's items when keys in that gap grew too long.
    QString placeAfter(const ChecklistItem &item, const QString &afterId);
    //! The card event and an activity entry whose details say {change, item}: change is added,
    //! edited, ticked, unticked, moved or deleted; item is the item's text.
    void recordChange(Mutation &m, const QString &boardId, const QString &cardId,
        const QString &itemId, const char *change, const QString &itemText);
    ServiceDeps m_deps;
};

} // namespace corkboard
