#include "server/features/search/search_controller.h"

#include "server/features/common/field_reader.h"
#include "server/features/common/controller_util.h"
#include "server/features/search/search_service.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"

namespace corkboard {

SearchController::SearchController(ThreadContext &context)
    : m_db(context.db)
{
}

void SearchController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/search"), [this](Request &r) { return search(r); });
}

Response SearchController::search(const Request &request)
{
    const QString q = request.queryValue(QStringLiteral("q"));
    QList<FieldError> errors;
    if (q.trimmed().isEmpty())
        errors.append({QStringLiteral("q"), QStringLiteral("required"),
            QStringLiteral("give something to search for")});
    else if (characterCount(q) > 200 || q.contains(QChar(0)))
        errors.append({QStringLiteral("q"), QStringLiteral("too_long"),
            QStringLiteral("at most 200 characters")});
    const QString boardId = request.queryValue(QStringLiteral("board_id"));
    if (boardId.size() > 64)
        errors.append({QStringLiteral("board_id"), QStringLiteral("invalid_type"),
            QStringLiteral("must be an id")});
    if (!errors.isEmpty())
        throw AppError::validation(errors);
    const int limit = pageLimit(request);
    return listResponse(
        SearchService(m_db).search(request.user().userId, q, boardId, limit), QString());
}

} // namespace corkboard
