#include "app/cards/edit_card_command.h"

#include "app/boards/open_board.h"

#include <QCoreApplication>
#include <QSet>

namespace corkboard::ui {

namespace {
bool sameSet(const QStringList &a, const QStringList &b)
{
    return QSet<QString>(a.begin(), a.end()) == QSet<QString>(b.begin(), b.end());
}
} // namespace

EditCardCommand::EditCardCommand(
    Backend *backend, OpenBoard *board, Card before, Card after, Reporter report)
    : m_backend(backend)
    , m_board(board)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_report(std::move(report))
{
    setText(QCoreApplication::translate("BoardCommands", "Edit card “%1”").arg(m_after.title));
}

client::CardPatch EditCardCommand::patchBetween(const Card &from, const Card &to)
{
    client::CardPatch patch;
    if (from.title != to.title)
        patch.title = to.title;
    if (from.description != to.description)
        patch.description = to.description;
    if (!sameSet(from.assigneeIds, to.assigneeIds))
        patch.assigneeIds = to.assigneeIds;
    if (!sameSet(from.labelIds, to.labelIds))
        patch.labelIds = to.labelIds;
    if (from.dueAt != to.dueAt)
        patch.dueAt = to.dueAt;
    return patch;
}

void EditCardCommand::redo()
{
    if (std::exchange(m_done, false))
        return;
    apply(m_before, m_after);
}

void EditCardCommand::undo()
{
    apply(m_after, m_before);
}

void EditCardCommand::apply(const Card &from, const Card &to)
{
    if (!m_backend || !m_board)
        return;
    const std::optional<Card> now = m_board->card(m_after.id);
    if (!now) {
        m_report(QCoreApplication::translate(
            "BoardCommands", "The card is no longer on this board; nothing was changed."));
        return;
    }
    const client::CardPatch patch = patchBetween(from, to);
    if (patch.isEmpty())
        return;
    // The fields this step changes must still be as it left them: a later change by anyone
    // (shown live on the board) is not overwritten.
    const bool changedSince = (patch.title && now->title != from.title)
        || (patch.description && now->description != from.description)
        || (patch.assigneeIds && !sameSet(now->assigneeIds, from.assigneeIds))
        || (patch.labelIds && !sameSet(now->labelIds, from.labelIds))
        || (patch.dueAt && now->dueAt != from.dueAt);
    if (changedSince) {
        m_report(QCoreApplication::translate("BoardCommands",
            "Not changed: someone else changed the card meanwhile, and their changes stay."));
        return;
    }
    m_backend->updateCard(m_board, m_after.id, now->version, patch,
        [board = m_board, report = m_report](const Outcome<Card> &r) {
            if (r.ok()) {
                if (board)
                    board->cardChanged(*r.value);
                return;
            }
            report(r.error.isConflict()
                    ? QCoreApplication::translate("BoardCommands",
                        "Not changed: someone else changed the card meanwhile, and their "
                        "changes stay.")
                    : QCoreApplication::translate("BoardCommands", "The card was not changed: %1")
                          .arg(r.error.message));
        });
}

} // namespace corkboard::ui
