#include "server/features/checklists/checklist_repository.h"

#include "server/platform/database.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

namespace corkboard {

QList<ChecklistItem> ChecklistRepository::read(const QString &where, const QString &bind)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT i.id, i.card_id, i.text, i.done, i.position, i.version, i.created_at, "
            "i.updated_at FROM checklist_items i ")
            + where);
    q.bind(0, bind).exec();
    QList<ChecklistItem> out;
    while (q.next()) {
        ChecklistItem i;
        i.id = q.value(0).toString();
        i.cardId = q.value(1).toString();
        i.text = q.value(2).toString();
        i.done = q.value(3).toInt() != 0;
        i.position = q.value(4).toString();
        i.version = q.value(5).toLongLong();
        i.createdAt = fasttime::storedTime(q.value(6).toString());
        i.updatedAt = fasttime::storedTime(q.value(7).toString());
        out.append(i);
    }
    return out;
}

QList<ChecklistItem> ChecklistRepository::listForCard(const QString &cardId)
{
    return read(QStringLiteral("WHERE i.card_id = ? ORDER BY i.position"), cardId);
}

QHash<QString, QList<ChecklistItem>> ChecklistRepository::listForColumn(const QString &columnId)
{
    const auto items
        = read(QStringLiteral(
                   "JOIN cards c ON c.id = i.card_id WHERE c.column_id = ? ORDER BY i.position"),
            columnId);
    QHash<QString, QList<ChecklistItem>> out;
    for (const auto &i : items)
        out[i.cardId].append(i);
    return out;
}

std::optional<ChecklistItem> ChecklistRepository::find(const QString &id)
{
    const auto items = read(QStringLiteral("WHERE i.id = ?"), id);
    if (items.isEmpty())
        return std::nullopt;
    return items.first();
}

QString ChecklistRepository::lastPosition(const QString &cardId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT MAX(position) FROM checklist_items WHERE card_id = ?"));
    q.bind(0, cardId).exec();
    return q.next() ? q.value(0).toString() : QString();
}

int ChecklistRepository::countForCard(const QString &cardId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM checklist_items WHERE card_id = ?"));
    q.bind(0, cardId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

void ChecklistRepository::insert(const ChecklistItem &i)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO checklist_items (id, card_id, text, done, position, version, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, i.id)
        .bind(1, i.cardId)
        .bind(2, i.text)
        .bind(3, i.done ? 1 : 0)
        .bind(4, i.position)
        .bind(5, i.version);
    q.bind(6, toRfc3339(i.createdAt)).bind(7, toRfc3339(i.updatedAt)).exec();
}

void ChecklistRepository::update(const ChecklistItem &i)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "UPDATE checklist_items SET text = ?, done = ?, version = ?, updated_at = ?, "
            "position = ? WHERE id = ?"));
    q.bind(0, i.text)
        .bind(1, i.done ? 1 : 0)
        .bind(2, i.version)
        .bind(3, toRfc3339(i.updatedAt))
        .bind(4, i.position)
        .bind(5, i.id)
        .exec();
}

void ChecklistRepository::parkPositions(const QString &cardId)
{
    SqlQuery q(
        m_db, QStringLiteral("UPDATE checklist_items SET position = '~' || id WHERE card_id = ?"));
    q.bind(0, cardId).exec();
}

void ChecklistRepository::setPosition(const QString &id, const QString &position)
{
    SqlQuery q(m_db, QStringLiteral("UPDATE checklist_items SET position = ? WHERE id = ?"));
    q.bind(0, position).bind(1, id).exec();
}

void ChecklistRepository::remove(const QString &id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM checklist_items WHERE id = ?"));
    q.bind(0, id).exec();
}

} // namespace corkboard
