#pragma once

#include <QString>
#include <QTextDocument>

namespace corkboard::ui {

//! A tool tip that shows people's text literally. Tool tips (and labels left on AutoText) guess
//! rich text from tags, so a card called "<img src=…>" would otherwise be rendered as HTML.
inline QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace corkboard::ui
