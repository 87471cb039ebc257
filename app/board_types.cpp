#include "app/board_types.h"

namespace corkboard::ui {

QString initialsOf(const QString &displayName)
{
    const QStringList words = displayName.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString initials;
    for (const QString &w : words) {
        initials += w.at(0).toUpper();
        if (initials.size() == 2)
            break;
    }
    return initials.isEmpty() ? QStringLiteral("?") : initials;
}

} // namespace corkboard::ui
