#pragma once

#include "server/features/boards/snapshot_cache.h"
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
    //! cache: this thread's snapshot cache (null: none).
    explicit BoardService(ServiceDeps deps, SnapshotCache *cache = nullptr)
        : m_deps(deps)
        , m_cache(cache)
    {
    }

    struct Page
    {
        QList<Board> boards;
        QString nextCursor; //!< empty: last page
    };
    Page list(const QString &userId, const QString &cursor, int limit);
    BoardSnapshot create(const QString &userId, const QString &name, const QString &description);
    //! The whole board as its response body, in a fixed number of statements whatever the card
    //! count, or from the cache (membership and seq are checked on every call either way);
    //! allowCached false reads afresh (and refreshes the cache).
    SnapshotBody snapshot(const QString &userId, const QString &boardId, bool includeArchived,
        bool allowCached = true);
    Board update(const QString &userId, const QString &boardId, const BoardPatch &patch,
        std::optional<qint64> ifMatch);
    void remove(const QString &userId, const QString &boardId, std::optional<qint64> ifMatch);

private:
    QByteArray readSnapshot(const Board &board, bool includeArchived);
    ServiceDeps m_deps;
    SnapshotCache *m_cache = nullptr;
    qsizetype m_sizeHint = 16 * 1024;
};

} // namespace corkboard
