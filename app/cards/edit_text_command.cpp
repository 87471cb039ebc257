#include "app/cards/edit_text_command.h"

#include "app/boards/open_board.h"

#include <QCoreApplication>

#include <utility>

namespace corkboard::ui {

EditTextCommand::EditTextCommand(
    Backend *backend, OpenBoard *board, TextEditStep step, Reporter report)
    : m_backend(backend)
    , m_board(board)
    , m_step(std::move(step))
    , m_report(std::move(report))
{
    setText(m_step.kind == TextEditStep::CommentBody
            ? QCoreApplication::translate("BoardCommands", "Edit comment")
            : QCoreApplication::translate("BoardCommands", "Edit checklist item"));
}

void EditTextCommand::redo()
{
    if (std::exchange(m_fresh, false))
        return;
    apply(m_step.before, m_step.after);
}

void EditTextCommand::undo()
{
    apply(m_step.after, m_step.before);
}

void EditTextCommand::apply(const QString &from, const QString &to)
{
    if (!m_backend || !m_board)
        return;
    // The callbacks outlive this command when the stack is cleared meanwhile: they hold copies,
    // never `this`, and run only while the board (their context) exists.
    const TextEditStep step = m_step;
    const Reporter report = m_report;
    const QPointer<Backend> backend = m_backend;
    const QPointer<OpenBoard> board = m_board;
    const bool comment = step.kind == TextEditStep::CommentBody;
    const auto send = [=] {
        if (!backend || !board)
            return;
        const auto refused = [report](const UiError &error) {
            report(QCoreApplication::translate("BoardCommands", "The text was not changed: %1")
                       .arg(error.message));
        };
        if (comment) {
            backend->editComment(board, step.id, to, [refused](const Outcome<Comment> &r) {
                if (!r.ok())
                    refused(r.error);
            });
        } else {
            backend->editChecklistItem(
                board, step.id, to, [refused](const Outcome<ChecklistItem> &r) {
                    if (!r.ok())
                        refused(r.error);
                });
        }
    };
    // The server's text now decides: a later edit by anyone stays.
    const auto decide = [=](bool found, const QString &now) {
        if (!found) {
            report(comment ? QCoreApplication::translate(
                       "BoardCommands", "The comment was deleted; nothing was changed.")
                           : QCoreApplication::translate("BoardCommands",
                               "The checklist item was deleted; nothing was changed."));
        } else if (now != from) {
            report(QCoreApplication::translate("BoardCommands",
                "Not changed: someone else changed the text meanwhile, and their changes stay."));
        } else {
            send();
        }
    };
    const auto unreachable = [report](const UiError &error) {
        report(QCoreApplication::translate("BoardCommands", "Nothing was changed: %1")
                   .arg(error.message));
    };
    if (comment) {
        backend->listComments(board, step.cardId, [=](const Outcome<QList<Comment>> &r) {
            if (!r.ok())
                return unreachable(r.error);
            for (const Comment &c : *r.value) {
                if (c.id == step.id)
                    return decide(true, c.body);
            }
            decide(false, QString());
        });
        return;
    }
    backend->loadCard(board, step.cardId, [=](const Outcome<CardDetail> &r) {
        if (!r.ok()) {
            if (r.error.status == 404)
                return decide(false, QString());
            return unreachable(r.error);
        }
        for (const ChecklistItem &item : r.value->checklist) {
            if (item.id == step.id)
                return decide(true, item.text);
        }
        decide(false, QString());
    });
}

} // namespace corkboard::ui
