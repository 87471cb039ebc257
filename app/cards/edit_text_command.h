#pragma once

#include "app/cards/card_panel.h"

#include <QPointer>
#include <QUndoCommand>
#include <functional>

namespace corkboard::ui {

class OpenBoard;

//! One saved text edit as a step on the board's undo stack. Undo puts the old text back, and
//! redo the new one, only if the text on the server is still what the step left (someone
//! else's later edit stays, and the user is told); a deleted item or comment is reported too.
//! Pushing it sends nothing: the dialog has saved already.
class EditTextCommand : public QUndoCommand
{
public:
    using Reporter = std::function<void(const QString &message)>;

    EditTextCommand(Backend *backend, OpenBoard *board, TextEditStep step, Reporter report);

    void redo() override;
    void undo() override;

private:
    void apply(const QString &from, const QString &to);

    QPointer<Backend> m_backend;
    QPointer<OpenBoard> m_board;
    TextEditStep m_step;
    Reporter m_report;
    bool m_fresh = true; //!< the first redo (on push) is the save that already happened
};

} // namespace corkboard::ui
