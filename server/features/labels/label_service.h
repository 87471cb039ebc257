#pragma once

#include "server/features/events/mutation.h"
#include "shared/dto/label.h"

#include <optional>

namespace corkboard {

//! Board labels (at most 50 per board): list, create, edit, delete.
class LabelService
{
public:
    explicit LabelService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    static constexpr int kMaxPerBoard = 50;

    QList<Label> list(const QString &userId, const QString &boardId);
    Label create(
        const QString &userId, const QString &boardId, const QString &name, const QString &color);
    Label update(const QString &userId, const QString &labelId, const std::optional<QString> &name,
        const std::optional<QString> &color, std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &labelId, std::optional<qint64> ifMatch);

private:
    Label load(const QString &userId, const QString &labelId);
    ServiceDeps m_deps;
};

} // namespace corkboard
