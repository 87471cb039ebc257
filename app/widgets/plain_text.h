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

//! People's text as a menu entry or button text: "R&D" stays "R&D" instead of underlining D
//! (a single '&' marks the mnemonic there).
inline QString plainActionText(const QString &text)
{
    QString out = text;
    return out.replace(QLatin1Char('&'), QLatin1String("&&"));
}

} // namespace corkboard::ui
