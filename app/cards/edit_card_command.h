#pragma once

#include "app/shell/backend.h"

#include <QPointer>
#include <QUndoCommand>
#include <functional>

namespace corkboard::ui {

class OpenBoard;

//! A card's fields saved from its dialog, as one step on the board's undo stack. Undo puts back
//! only the fields that edit changed, and only if nobody changed the card since (If-Match with
//! the version the board shows: a 412 leaves their work alone and says so); redo re-applies it.
//! Pushing it does not send anything: the dialog has saved already.
class EditCardCommand : public QUndoCommand
{
public:
    using Reporter = std::function<void(const QString &message)>;

    EditCardCommand(Backend *backend, OpenBoard *board, Card before, Card after, Reporter report);

    void redo() override;
    void undo() override;

    //! The fields that differ between `from` and `to`, with `to`'s values.
    static client::CardPatch patchBetween(const Card &from, const Card &to);

private:
    void apply(const Card &from, const Card &to);

    QPointer<Backend> m_backend;
    QPointer<OpenBoard> m_board;
    Card m_before;
    Card m_after;
    Reporter m_report;
    bool m_done = true; //!< the first redo (on push) is the save that already happened
};

} // namespace corkboard::ui
