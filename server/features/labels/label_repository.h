#pragma once

#include "shared/dto/label.h"

#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for board labels.
class LabelRepository
{
public:
    explicit LabelRepository(Database &db)
        : m_db(db)
    {
    }

    QList<Label> listForBoard(const QString &boardId);
    std::optional<Label> find(const QString &id);
    int countForBoard(const QString &boardId);
    void insert(const Label &label);
    void update(const Label &label);
    void remove(const QString &id);

private:
    Database &m_db;
};

} // namespace corkboard
