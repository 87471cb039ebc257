#pragma once

#include "shared/dto/card.h"

#include <QDateTime>
#include <QString>

namespace corkboard::ui {

//! What the board shows: cards whose title or description holds the text, with the label, for
//! the person, and in the due range chosen. Widget-free, so it is tested without a window.
struct BoardFilter
{
    enum class Due
    {
        Any,
        Overdue, //!< due before now
        Soon, //!< due from now to seven days on
        None //!< no due date
    };

    QString text;
    QString labelId; //!< empty: any label
    QString assigneeId; //!< empty: anyone
    Due due = Due::Any;

    bool isEmpty() const
    {
        return text.trimmed().isEmpty() && labelId.isEmpty() && assigneeId.isEmpty()
            && due == Due::Any;
    }
    bool matches(const Card &card, const QDateTime &now) const;
};

} // namespace corkboard::ui
