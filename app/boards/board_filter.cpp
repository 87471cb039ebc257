#include "app/boards/board_filter.h"

namespace corkboard::ui {

bool BoardFilter::matches(const Card &card, const QDateTime &now) const
{
    const QString words = text.trimmed();
    if (!words.isEmpty() && !card.title.contains(words, Qt::CaseInsensitive)
        && !card.description.contains(words, Qt::CaseInsensitive))
        return false;
    if (!labelId.isEmpty() && !card.labelIds.contains(labelId))
        return false;
    if (!assigneeId.isEmpty() && !card.assigneeIds.contains(assigneeId))
        return false;
    switch (due) {
    case Due::Any:
        return true;
    case Due::Overdue:
        return card.dueAt.isValid() && card.dueAt < now;
    case Due::Soon:
        return card.dueAt.isValid() && card.dueAt >= now && card.dueAt <= now.addDays(7);
    case Due::None:
        return !card.dueAt.isValid();
    }
    return true;
}

} // namespace corkboard::ui
