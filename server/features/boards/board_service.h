#pragma once

#include "server/features/events/mutation.h"
#include "shared/dto/snapshot.h"

#include <optional>

namespace corkboard {

struct BoardPatch
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<bool> archived;
};

//! Boards: list, create (with the default columns), the whole-board snapshot, rename, delete.
class BoardService
{
public:
    explicit BoardService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    struct Page
    {
        QList<Board> boards;
        QString nextCursor; //!< empty: last page
    };
    Page list(const QString &userId, const QString &cursor, int limit);
    BoardSnapshot create(const QString &userId, const QString &name, const QString &description);
    //! The whole board in a fixed number of statements, whatever the card count.
    BoardSnapshot snapshot(const QString &userId, const QString &boardId, bool includeArchived);
    Board update(const QString &userId, const QString &boardId, const BoardPatch &patch,
        std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &boardId, std::optional<qint64> ifMatch);

private:
    BoardSnapshot readSnapshot(const Board &board, bool includeArchived);
    ServiceDeps m_deps;
};

} // namespace corkboard
