#pragma once

#include "server/features/common/field_reader.h"
#include "server/features/events/mutation.h"
#include "shared/dto/card.h"

namespace corkboard {

struct CardInput
{
    QString columnId;
    QString title;
    QString description;
    QStringList assigneeIds;
    QStringList labelIds;
    QDateTime dueAt;
    Patch<QString> afterCardId; //!< absent: at the bottom; null: at the top
};

struct CardPatch
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QStringList> assigneeIds;
    std::optional<QStringList> labelIds;
    Patch<QDateTime> dueAt;
    std::optional<bool> archived;
};

struct CardMove
{
    QString columnId;
    Patch<QString> afterCardId; //!< present + null: to the top
    std::optional<QString> beforeCardId;
};

//! Cards: create, read, edit, move (one row rewritten; rebalance when keys grow), delete.
class CardService
{
public:
    explicit CardService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    CardDetail create(const QString &userId, const QString &boardId, const CardInput &input);
    CardDetail get(const QString &userId, const QString &cardId);
    CardDetail update(const QString &userId, const QString &cardId, const CardPatch &patch,
        std::optional<qint64> ifMatch);
    CardDetail move(const QString &userId, const QString &cardId, const CardMove &move,
        std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &cardId, std::optional<qint64> ifMatch);

    //! The card with its checklist (what GET returns and card events carry).
    static CardDetail detail(Database &db, const QString &cardId);
    //! The activity note of a move: the columns left and entered, by id and by their names now.
    static ActivityNote moveNote(Database &db, const QString &cardId, const QString &fromColumnId,
        const QString &toColumnId);

private:
    Card load(const QString &userId, const QString &cardId, int minimumRole);
    void checkReferences(
        const QString &boardId, const QStringList *labelIds, const QStringList *assigneeIds);
    QString checkColumn(const QString &boardId, const QString &columnId);
    QString place(const QString &columnId, const QString &selfId, const Patch<QString> &after,
        const std::optional<QString> &before);
    ServiceDeps m_deps;
};

} // namespace corkboard
