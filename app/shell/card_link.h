#pragma once

#include <QString>
#include <optional>

namespace corkboard::ui {

//! A link to a card (or a board) that another Corkboard window opens:
//! `corkboard://open?server=<server>&board=<id>&card=<id>`. `server` is the team server's
//! address (http/https), or `local` for the boards of the computer's own board server (whose
//! port changes from run to run). Parsing is strict: anything else is refused, never guessed.
struct CardLink
{
    QString server;
    QString boardId;
    QString cardId; //!< empty: the board itself

    static constexpr auto kLocal = "local";
    QString toString() const;
    static std::optional<CardLink> parse(const QString &text);
};

} // namespace corkboard::ui
