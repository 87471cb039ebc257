#pragma once

#include "shared/dto/column.h"

#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for board columns.
class ColumnRepository
{
public:
    explicit ColumnRepository(Database &db)
        : m_db(db)
    {
    }

    std::optional<Column> find(const QString &id);
    void insert(const Column &column);
    void update(const Column &column);
    void remove(const QString &id);
    //! The position of the first column after `position` on the board (empty: none).
    QString nextPosition(const QString &boardId, const QString &position);
    //! The first ("") or last position on the board (empty when the board has no columns).
    QString edgePosition(const QString &boardId, bool last);
    int cardCount(const QString &columnId);

private:
    Database &m_db;
};

} // namespace corkboard
