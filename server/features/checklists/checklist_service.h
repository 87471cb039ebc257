#pragma once

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
    ChecklistItem update(const QString &userId, const QString &itemId,
        const std::optional<QString> &text, const std::optional<bool> &done,
        std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &itemId, std::optional<qint64> ifMatch);

private:
    struct Loaded
    {
        ChecklistItem item;
        QString boardId;
    };
    Loaded load(const QString &userId, const QString &itemId);
    void recordChange(
        Mutation &m, const QString &boardId, const QString &cardId, const QString &itemId);
    ServiceDeps m_deps;
};

} // namespace corkboard
