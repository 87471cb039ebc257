#include "server/features/columns/column_repository.h"

#include "server/platform/database.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
const QString kSelect = QStringLiteral("SELECT id, board_id, name, position, wip_limit, version, "
                                       "created_at, updated_at FROM board_columns ");

Column readColumn(SqlQuery &q)
{
    Column c;
    c.id = q.value(0).toString();
    c.boardId = q.value(1).toString();
    c.name = q.value(2).toString();
    c.position = q.value(3).toString();
    if (!q.value(4).isNull())
        c.wipLimit = q.value(4).toInt();
    c.version = q.value(5).toLongLong();
    c.createdAt = fasttime::storedTime(q.value(6).toString());
    c.updatedAt = fasttime::storedTime(q.value(7).toString());
    return c;
}

QVariant wip(const Column &c)
{
    return c.wipLimit ? QVariant(*c.wipLimit) : QVariant(QMetaType(QMetaType::Int));
}
} // namespace

std::optional<Column> ColumnRepository::find(const QString &id)
{
    SqlQuery q(m_db, kSelect + QStringLiteral("WHERE id = ?"));
    q.bind(0, id).exec();
    if (!q.next())
        return std::nullopt;
    return readColumn(q);
}

void ColumnRepository::insert(const Column &c)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO board_columns (id, board_id, name, position, wip_limit, version, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, c.id)
        .bind(1, c.boardId)
        .bind(2, c.name)
        .bind(3, c.position)
        .bind(4, wip(c))
        .bind(5, c.version);
    q.bind(6, toRfc3339(c.createdAt)).bind(7, toRfc3339(c.updatedAt)).exec();
}

void ColumnRepository::update(const Column &c)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "UPDATE board_columns SET name = ?, position = ?, wip_limit = ?, version = ?, "
            "updated_at = ? WHERE id = ?"));
    q.bind(0, c.name)
        .bind(1, c.position)
        .bind(2, wip(c))
        .bind(3, c.version)
        .bind(4, toRfc3339(c.updatedAt));
    q.bind(5, c.id).exec();
}

void ColumnRepository::remove(const QString &id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM board_columns WHERE id = ?"));
    q.bind(0, id).exec();
}

QString ColumnRepository::nextPosition(const QString &boardId, const QString &position)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT position FROM board_columns WHERE board_id = ? AND position > ? "
                       "ORDER BY position LIMIT 1"));
    q.bind(0, boardId).bind(1, position.isNull() ? QString::fromLatin1("") : position).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QString ColumnRepository::edgePosition(const QString &boardId, bool last)
{
    SqlQuery q(m_db,
        last ? QStringLiteral("SELECT MAX(position) FROM board_columns WHERE board_id = ?")
             : QStringLiteral("SELECT MIN(position) FROM board_columns WHERE board_id = ?"));
    q.bind(0, boardId).exec();
    return q.next() ? q.value(0).toString() : QString();
}

int ColumnRepository::cardCount(const QString &columnId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM cards WHERE column_id = ?"));
    q.bind(0, columnId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace corkboard
