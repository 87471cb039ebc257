#include "server/features/activity/activity_service.h"

#include "server/features/activity/activity_repository.h"
#include "server/features/boards/board_access.h"
#include "server/features/common/service_util.h"

namespace corkboard {

ActivityService::Page ActivityService::list(const QString &userId, const QString &boardId,
    const QString &cardId, const QString &cursor, int limit)
{
    BoardAccess(m_db).require(boardId, userId, BoardRole::Viewer);
    bool ok = cursor.isEmpty();
    const qint64 before = cursor.isEmpty() ? 0 : cursor.toLongLong(&ok);
    if (!ok || before < 0)
        throw AppError::validation(
            QStringLiteral("cursor"), QStringLiteral("invalid"), QStringLiteral("not a cursor"));
    if (cardId.size() > 64)
        throw AppError::validation(
            QStringLiteral("card_id"), QStringLiteral("too_long"), QStringLiteral("not a card id"));
    Page page;
    page.entries = ActivityRepository(m_db).list(boardId, cardId, before, limit + 1);
    if (page.entries.size() > limit) {
        page.entries.removeLast();
        page.nextCursor = QString::number(page.entries.last().id);
    }
    return page;
}

} // namespace corkboard
