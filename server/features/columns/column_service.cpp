#include "server/features/columns/column_service.h"

#include "server/features/attachments/attachment_repository.h"
#include "server/features/boards/board_access.h"
#include "server/features/cards/card_repository.h"
#include "server/features/cards/card_service.h"
#include "server/features/checklists/checklist_repository.h"
#include "server/features/columns/column_repository.h"
#include "server/features/common/position_key.h"
#include "server/features/common/service_util.h"
#include "server/platform/crypto.h"

namespace corkboard {

Column ColumnService::load(const QString &userId, const QString &columnId)
{
    const auto column = ColumnRepository(m_deps.db).find(columnId);
    if (!column)
        throw AppError::notFound(QStringLiteral("column"));
    BoardAccess(m_deps.db).require(
        column->boardId, userId, BoardRole::Editor, QStringLiteral("column"));
    return *column;
}

QString ColumnService::placeAfter(
    const QString &boardId, const Patch<QString> &after, const QString &selfId)
{
    ColumnRepository repo(m_deps.db);
    QString lo;
    QString hi;
    if (!after.present) {
        lo = repo.edgePosition(boardId, true);
    } else if (!after.value) {
        hi = repo.edgePosition(boardId, false);
    } else {
        const auto anchor = repo.find(*after.value);
        if (!anchor || anchor->boardId != boardId || anchor->id == selfId)
            throw AppError::validation(QStringLiteral("after_column_id"),
                QStringLiteral("unknown_column"), QStringLiteral("not a column of this board"));
        lo = anchor->position;
        hi = repo.nextPosition(boardId, lo);
    }
    // The column being moved may sit at lo/hi itself; that is fine: its row gets the new key.
    return position::between(lo, hi);
}

Column ColumnService::create(
    const QString &userId, const QString &boardId, const ColumnInput &input)
{
    Mutation m(m_deps, userId);
    BoardAccess(m_deps.db).require(boardId, userId, BoardRole::Editor);
    Column c;
    c.id = crypto::newId();
    c.boardId = boardId;
    c.name = input.name.value_or(QString());
    c.wipLimit = input.wipLimit.value;
    c.position = placeAfter(boardId, input.afterColumnId, c.id);
    c.createdAt = c.updatedAt = m.now();
    ColumnRepository(m_deps.db).insert(c);
    m.record(QStringLiteral("column.created"), boardId, c.id, c.name, encodeJson(c));
    m.commit();
    return c;
}

Column ColumnService::update(const QString &userId, const QString &columnId,
    const ColumnInput &input, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    Column c = load(userId, columnId);
    requireVersion(ifMatch, c.version, c);
    if (input.name)
        c.name = *input.name;
    if (input.wipLimit.present)
        c.wipLimit = input.wipLimit.value;
    if (input.afterColumnId.present) {
        c.position = placeAfter(c.boardId, input.afterColumnId, c.id);
    }
    c.version += 1;
    c.updatedAt = m.now();
    ColumnRepository(m_deps.db).update(c);
    m.record(QStringLiteral("column.updated"), c.boardId, c.id, c.name, encodeJson(c));
    m.commit();
    return c;
}

void ColumnService::remove(const QString &userId, const QString &columnId,
    const QString &moveCardsTo, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    const Column c = load(userId, columnId);
    requireVersion(ifMatch, c.version, c);
    ColumnRepository columns(m_deps.db);
    CardRepository cards(m_deps.db);
    const int count = columns.cardCount(c.id);
    if (!moveCardsTo.isEmpty()) {
        const auto target = columns.find(moveCardsTo);
        if (!target || target->boardId != c.boardId || target->id == c.id)
            throw AppError::validation(QStringLiteral("move_cards_to"),
                QStringLiteral("unknown_column"),
                QStringLiteral("not another column of this board"));
        if (count > 0) {
            // Append the cards, in their order, after the target's last card.
            const QStringList ids = cards.orderedIds(c.id, QString());
            const QStringList keys = position::spread(
                cards.lastKey(target->id, QString()), QString(), int(ids.size()));
            cards.parkPositions(c.id);
            for (int i = 0; i < ids.size(); ++i) {
                auto card = *cards.find(ids.at(i));
                card.columnId = target->id;
                card.position = keys.at(i);
                card.version += 1;
                card.updatedAt = m.now();
                cards.update(card);
            }
            const auto moved = cards.listForColumn(target->id);
            const auto checklists = ChecklistRepository(m_deps.db).listForColumn(target->id);
            const auto files = AttachmentRepository(m_deps.db).listForColumn(target->id);
            for (const auto &card : moved) {
                if (!ids.contains(card.id))
                    continue;
                m.record(QStringLiteral("card.moved"), c.boardId, card.id, card.title,
                    encodeJson(CardDetail {card, checklists.value(card.id), files.value(card.id)}),
                    CardService::moveNote(m_deps.db, card.id, c.id, target->id));
            }
        }
    } else if (count > 0) {
        throw AppError(
            ErrorCode::Conflict, QStringLiteral("the column still has cards; pass move_cards_to"));
    }
    columns.remove(c.id);
    m.record(QStringLiteral("column.deleted"), c.boardId, c.id, c.name, Mutation::idData(c.id));
    m.commit();
}

} // namespace corkboard
