#include "server/features/labels/label_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
const QString kSelect = QStringLiteral(
    "SELECT id, board_id, name, color, version, created_at, updated_at FROM labels ");

Label readLabel(SqlQuery &q)
{
    Label l;
    l.id = q.value(0).toString();
    l.boardId = q.value(1).toString();
    l.name = q.value(2).toString();
    l.color = q.value(3).toString();
    l.version = q.value(4).toLongLong();
    l.createdAt = fromRfc3339(q.value(5).toString());
    l.updatedAt = fromRfc3339(q.value(6).toString());
    return l;
}
} // namespace

QList<Label> LabelRepository::listForBoard(const QString &boardId)
{
    SqlQuery q(m_db, kSelect + QStringLiteral("WHERE board_id = ? ORDER BY name, id"));
    q.bind(0, boardId).exec();
    QList<Label> out;
    while (q.next())
        out.append(readLabel(q));
    return out;
}

std::optional<Label> LabelRepository::find(const QString &id)
{
    SqlQuery q(m_db, kSelect + QStringLiteral("WHERE id = ?"));
    q.bind(0, id).exec();
    if (!q.next())
        return std::nullopt;
    return readLabel(q);
}

int LabelRepository::countForBoard(const QString &boardId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM labels WHERE board_id = ?"));
    q.bind(0, boardId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

void LabelRepository::insert(const Label &l)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO labels (id, board_id, name, color, version, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, l.id).bind(1, l.boardId).bind(2, l.name).bind(3, l.color).bind(4, l.version);
    q.bind(5, toRfc3339(l.createdAt)).bind(6, toRfc3339(l.updatedAt)).exec();
}

void LabelRepository::update(const Label &l)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "UPDATE labels SET name = ?, color = ?, version = ?, updated_at = ? WHERE id = ?"));
    q.bind(0, l.name)
        .bind(1, l.color)
        .bind(2, l.version)
        .bind(3, toRfc3339(l.updatedAt))
        .bind(4, l.id)
        .exec();
}

void LabelRepository::remove(const QString &id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM labels WHERE id = ?"));
    q.bind(0, id).exec();
}

} // namespace corkboard
