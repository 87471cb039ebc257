#pragma once

#include <QString>
#include <QStringList>

namespace corkboard::ui {

//! "Ada Lovelace" → "AL"; "ada" → "A"; "" → "?" (avatars on cards and the presence row).
inline QString initialsOf(const QString &displayName)
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
