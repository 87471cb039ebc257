#pragma once

#include "server/features/common/field_reader.h"
#include "server/features/events/mutation.h"
#include "shared/dto/column.h"

namespace corkboard {

struct ColumnInput
{
    std::optional<QString> name;
    Patch<int> wipLimit;
    Patch<QString> afterColumnId; //!< present + null: first column
};

//! Columns: create, rename/reorder/WIP limit, delete (moving its cards elsewhere when asked).
class ColumnService
{
public:
    explicit ColumnService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    Column create(const QString &userId, const QString &boardId, const ColumnInput &input);
    Column update(const QString &userId, const QString &columnId, const ColumnInput &input,
        std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &columnId, const QString &moveCardsTo,
        std::optional<qint64> ifMatch);

private:
    Column load(const QString &userId, const QString &columnId);
    QString placeAfter(const QString &boardId, const Patch<QString> &after, const QString &selfId);
    ServiceDeps m_deps;
};

} // namespace corkboard
