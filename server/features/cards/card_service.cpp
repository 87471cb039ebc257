#include "server/features/cards/card_service.h"

#include "server/features/attachments/attachment_repository.h"
#include "server/features/boards/board_access.h"
#include "server/features/cards/card_repository.h"
#include "server/features/checklists/checklist_repository.h"
#include "server/features/columns/column_repository.h"
#include "server/features/common/position_key.h"
#include "server/features/common/service_util.h"
#include "server/platform/crypto.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
QDateTime storedForm(const QDateTime &time)
{
    return time.isValid() ? fasttime::storedTime(toRfc3339(time)) : QDateTime();
}
} // namespace

CardDetail CardService::detail(Database &db, const QString &cardId)
{
    const auto card = CardRepository(db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    return CardDetail {*card, ChecklistRepository(db).listForCard(cardId),
        AttachmentRepository(db).listForCard(cardId)};
}

Card CardService::load(const QString &userId, const QString &cardId, int minimumRole)
{
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole(minimumRole), QStringLiteral("card"));
    return *card;
}

void CardService::checkReferences(
    const QString &boardId, const QStringList *labelIds, const QStringList *assigneeIds)
{
    CardRepository repo(m_deps.db);
    QList<FieldError> errors;
    if (labelIds && repo.countBoardLabels(boardId, *labelIds) != labelIds->size())
        errors.append({QStringLiteral("label_ids"), QStringLiteral("unknown_label"),
            QStringLiteral("every label must belong to this board")});
    if (assigneeIds && repo.countBoardMembers(boardId, *assigneeIds) != assigneeIds->size())
        errors.append({QStringLiteral("assignee_ids"), QStringLiteral("not_a_member"),
            QStringLiteral("every assignee must be a member of this board")});
    if (!errors.isEmpty())
        throw AppError::validation(errors);
}

QString CardService::checkColumn(const QString &boardId, const QString &columnId)
{
    const auto column = ColumnRepository(m_deps.db).find(columnId);
    if (!column || column->boardId != boardId)
        throw AppError::validation(QStringLiteral("column_id"), QStringLiteral("unknown_column"),
            QStringLiteral("not a column of this board"));
    return column->id;
}

QString CardService::place(const QString &columnId, const QString &selfId,
    const Patch<QString> &after, const std::optional<QString> &before)
{
    CardRepository repo(m_deps.db);
    auto anchorKey = [&](const QString &id, const char *field) {
        const auto anchor = repo.find(id);
        if (!anchor || anchor->columnId != columnId || anchor->id == selfId)
            throw AppError::validation(QString::fromLatin1(field), QStringLiteral("not_in_column"),
                QStringLiteral("not another card of the target column"));
        return anchor->position;
    };
    auto compute = [&]() {
        QString lo;
        QString hi;
        if (after.present && after.value) {
            lo = anchorKey(*after.value, "after_card_id");
            hi = repo.nextKey(columnId, lo, selfId);
        } else if (before) {
            hi = anchorKey(*before, "before_card_id");
            lo = repo.previousKey(columnId, hi, selfId);
        } else if (after.present) { // explicit null: the top
            hi = repo.nextKey(columnId, QString(), selfId);
        } else {
            lo = repo.lastKey(columnId, selfId);
        }
        return hi.isEmpty() ? position::after(lo) : position::between(lo, hi);
    };
    QString key = compute();
    if (key.size() > position::kRebalanceLength) {
        // Keys in this gap grew too long: respace the whole column in this transaction.
        const QStringList ids = repo.orderedIds(columnId, selfId);
        const QStringList keys = position::spread(QString(), QString(), int(ids.size()));
        repo.parkPositions(columnId);
        for (int i = 0; i < ids.size(); ++i)
            repo.setPosition(ids.at(i), keys.at(i));
        key = compute();
    }
    return key;
}

CardDetail CardService::create(
    const QString &userId, const QString &boardId, const CardInput &input)
{
    Mutation m(m_deps, userId);
    BoardAccess(m_deps.db).require(boardId, userId, BoardRole::Editor);
    Card c;
    c.id = crypto::newId();
    c.boardId = boardId;
    c.columnId = checkColumn(boardId, input.columnId);
    checkReferences(boardId, &input.labelIds, &input.assigneeIds);
    c.position = place(c.columnId, c.id, input.afterCardId, std::nullopt);
    c.title = input.title;
    c.description = input.description.isNull() ? QStringLiteral("") : input.description;
    // Times as a read would give them back (stored at millisecond precision, UTC).
    c.dueAt = storedForm(input.dueAt);
    c.createdBy = userId;
    c.createdAt = c.updatedAt = storedForm(m.now());
    c.labelIds = input.labelIds;
    c.labelIds.sort();
    c.assigneeIds = input.assigneeIds;
    c.assigneeIds.sort();
    CardRepository repo(m_deps.db);
    repo.insert(c);
    repo.addLabels(c.id, c.labelIds);
    repo.addAssignees(c.id, c.assigneeIds);
    // A new card has no checklist and no comments: what was written is the whole card, so it is
    // not read back (that read was two of the create's statements, one with five subqueries).
    const CardDetail d {c, {}, {}};
    m.record(QStringLiteral("card.created"), boardId, c.id, c.title, encodeJson(d));
    m.commit();
    return d;
}

CardDetail CardService::get(const QString &userId, const QString &cardId)
{
    ReadTransaction read(m_deps.db);
    load(userId, cardId, int(BoardRole::Viewer));
    return detail(m_deps.db, cardId);
}

CardDetail CardService::update(const QString &userId, const QString &cardId, const CardPatch &patch,
    std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    Card c = load(userId, cardId, int(BoardRole::Editor));
    requireVersion(ifMatch, c.version, detail(m_deps.db, cardId));
    checkReferences(c.boardId, patch.labelIds ? &*patch.labelIds : nullptr,
        patch.assigneeIds ? &*patch.assigneeIds : nullptr);
    if (patch.title)
        c.title = *patch.title;
    if (patch.description)
        c.description = *patch.description;
    if (patch.dueAt.present)
        c.dueAt = patch.dueAt.value.value_or(QDateTime());
    if (patch.archived)
        c.archived = *patch.archived;
    c.version += 1;
    c.updatedAt = m.now();
    CardRepository repo(m_deps.db);
    repo.update(c);
    if (patch.labelIds)
        repo.setLabels(c.id, *patch.labelIds);
    if (patch.assigneeIds)
        repo.setAssignees(c.id, *patch.assigneeIds);
    const CardDetail d = detail(m_deps.db, c.id);
    m.record(QStringLiteral("card.updated"), c.boardId, c.id, c.title, encodeJson(d));
    m.commit();
    return d;
}

CardDetail CardService::move(const QString &userId, const QString &cardId, const CardMove &move,
    std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    Card c = load(userId, cardId, int(BoardRole::Editor));
    requireVersion(ifMatch, c.version, detail(m_deps.db, cardId));
    const QString columnId = checkColumn(c.boardId, move.columnId);
    const ActivityNote note = moveNote(m_deps.db, c.id, c.columnId, columnId);
    c.position = place(columnId, c.id, move.afterCardId, move.beforeCardId);
    c.columnId = columnId;
    c.version += 1;
    c.updatedAt = m.now();
    CardRepository(m_deps.db).update(c);
    const CardDetail d = detail(m_deps.db, c.id);
    m.record(QStringLiteral("card.moved"), c.boardId, c.id, c.title, encodeJson(d), note);
    m.commit();
    return d;
}

ActivityNote CardService::moveNote(
    Database &db, const QString &cardId, const QString &fromColumnId, const QString &toColumnId)
{
    ColumnRepository columns(db);
    const auto from = columns.find(fromColumnId);
    const auto to = fromColumnId == toColumnId ? from : columns.find(toColumnId);
    JsonWriter w(192);
    w.beginObject()
        .field("from_column_id", fromColumnId)
        .field("from_column", from ? from->name : QString())
        .field("to_column_id", toColumnId)
        .field("to_column", to ? to->name : QString())
        .endObject();
    return {cardId, w.take()};
}

void CardService::remove(
    const QString &userId, const QString &cardId, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    const Card c = load(userId, cardId, int(BoardRole::Editor));
    requireVersion(ifMatch, c.version, detail(m_deps.db, cardId));
    CardRepository(m_deps.db).remove(c.id);
    m.record(QStringLiteral("card.deleted"), c.boardId, c.id, c.title, Mutation::idData(c.id));
    m.commit();
}

} // namespace corkboard
