#include "app/boards/board_commands.h"

#include "app/boards/open_board.h"
#include "app/cards/edit_card_command.h"
#include "app/cards/edit_text_command.h"
#include "app/widgets/message_box.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>
#include <QUndoStack>
#include <algorithm>

namespace corkboard::ui {

namespace {

//! Reports a refusal through BoardCommands::failed while the commands object lives.
std::function<void(const UiError *)> reporter(BoardCommands *commands, const QString &what)
{
    return [commands = QPointer<BoardCommands>(commands), what](const UiError *error) {
        if (commands && error)
            Q_EMIT commands->failed(what.arg(error->message));
    };
}

class MoveCardCommand : public QUndoCommand
{
public:
    MoveCardCommand(OpenBoard *board, QString cardId, QString fromColumn, int fromRow,
        QString toColumn, int row)
        : m_board(board)
        , m_cardId(std::move(cardId))
        , m_fromColumn(std::move(fromColumn))
        , m_fromRow(fromRow)
        , m_toColumn(std::move(toColumn))
        , m_row(row)
    {
        setText(QCoreApplication::translate("BoardCommands", "Move card"));
    }
    void redo() override
    {
        if (m_board)
            m_board->moveCard(m_cardId, m_toColumn, m_row);
    }
    void undo() override
    {
        if (!m_board)
            return;
        // Back to the row it came from; moveCard counts rows before the move.
        int now = -1;
        CardModel *where = m_board->findCard(m_cardId, &now);
        int row = m_fromRow;
        if (where && where->columnId() == m_fromColumn && m_fromRow > now)
            ++row;
        m_board->moveCard(m_cardId, m_fromColumn, row);
    }

private:
    QPointer<OpenBoard> m_board;
    QString m_cardId, m_fromColumn;
    int m_fromRow;
    QString m_toColumn;
    int m_row;
};

class ArchiveCardCommand : public QUndoCommand
{
public:
    ArchiveCardCommand(BoardCommands *commands, OpenBoard *board, QString cardId, bool archive)
        : m_commands(commands)
        , m_board(board)
        , m_cardId(std::move(cardId))
        , m_archive(archive)
    {
        setText(archive ? QCoreApplication::translate("BoardCommands", "Archive card")
                        : QCoreApplication::translate("BoardCommands", "Restore card"));
    }
    void redo() override { apply(m_archive); }
    void undo() override { apply(!m_archive); }

private:
    void apply(bool archived)
    {
        if (m_board)
            m_board->setCardArchived(m_cardId, archived,
                reporter(m_commands,
                    QCoreApplication::translate("BoardCommands", "The card was not changed: %1")));
    }
    BoardCommands *m_commands;
    QPointer<OpenBoard> m_board;
    QString m_cardId;
    bool m_archive;
};

class ColumnCommand : public QUndoCommand
{
public:
    //! A rename (name set) or a new WIP limit (limit set), from the column's current values.
    ColumnCommand(BoardCommands *commands, OpenBoard *board, const Column &before,
        std::optional<QString> name, std::optional<int> limit)
        : m_commands(commands)
        , m_board(board)
        , m_columnId(before.id)
        , m_oldName(before.name)
        , m_oldLimit(before.wipLimit.value_or(0))
        , m_name(std::move(name))
        , m_limit(limit)
    {
        setText(m_name ? QCoreApplication::translate("BoardCommands", "Rename column")
                       : QCoreApplication::translate("BoardCommands", "Set WIP limit"));
    }
    void redo() override { apply(m_name, m_limit); }
    void undo() override
    {
        apply(m_name ? std::optional<QString>(m_oldName) : std::nullopt,
            m_limit ? std::optional<int>(m_oldLimit) : std::nullopt);
    }

private:
    void apply(std::optional<QString> name, std::optional<int> limit)
    {
        if (m_board)
            m_board->updateColumn(m_columnId, std::move(name), limit,
                reporter(m_commands,
                    QCoreApplication::translate(
                        "BoardCommands", "The column was not changed: %1")));
    }
    BoardCommands *m_commands;
    QPointer<OpenBoard> m_board;
    QString m_columnId, m_oldName;
    int m_oldLimit;
    std::optional<QString> m_name;
    std::optional<int> m_limit;
};

} // namespace

BoardCommands::BoardCommands(OpenBoard *board, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_window(window)
    , m_stack(new QUndoStack(this))
{
    m_board->setMoveHandler([this](const QString &cardId, const QString &toColumnId, int row) {
        moveCard(cardId, toColumnId, row);
    });
    // Another board: its history does not apply. The same board loaded again (F5, a reconnect)
    // keeps it: every step finds its card or column by id and checks it is as it left it.
    connect(m_board, &OpenBoard::boardLoaded, this, [this] {
        if (m_board && m_board->boardId() != m_historyBoardId) {
            m_stack->clear();
            m_historyBoardId = m_board->boardId();
        }
    });
}

BoardCommands::~BoardCommands()
{
    if (m_board)
        m_board->setMoveHandler({});
}

void BoardCommands::recordCardEdit(Backend *backend, const Card &before, const Card &after)
{
    if (EditCardCommand::patchBetween(before, after).isEmpty())
        return;
    m_stack->push(new EditCardCommand(backend, m_board, before, after,
        [self = QPointer<BoardCommands>(this)](const QString &message) {
            if (self)
                Q_EMIT self->failed(message);
        }));
}

void BoardCommands::recordTextEdit(Backend *backend, const TextEditStep &step)
{
    m_stack->push(new EditTextCommand(
        backend, m_board, step, [self = QPointer<BoardCommands>(this)](const QString &message) {
            if (self)
                Q_EMIT self->failed(message);
        }));
}

void BoardCommands::moveCard(const QString &cardId, const QString &toColumnId, int row)
{
    int fromRow = -1;
    CardModel *from = m_board->findCard(cardId, &fromRow);
    if (!from || !m_board->cardsOf(toColumnId))
        return;
    if (from->columnId() == toColumnId) {
        const int dest = std::clamp(row > fromRow ? row - 1 : row, 0, from->rowCount() - 1);
        if (dest == fromRow)
            return; // dropped where it was: nothing to undo
    }
    m_stack->push(new MoveCardCommand(m_board, cardId, from->columnId(), fromRow, toColumnId, row));
}

void BoardCommands::archiveCard(const QString &cardId)
{
    m_stack->push(new ArchiveCardCommand(this, m_board, cardId, true));
}

void BoardCommands::restoreCard(const QString &cardId)
{
    m_stack->push(new ArchiveCardCommand(this, m_board, cardId, false));
}

void BoardCommands::deleteCard(const QString &cardId)
{
    const auto card = m_board->card(cardId);
    const QString title = card ? card->title : QString();
    MessageBox::ask(m_window, tr("Delete card"),
        tr("Delete “%1” with its checklist and comments? This cannot be undone; archiving can.")
            .arg(title),
        QString(),
        {{ConfirmDelete, tr("&Delete"), QMessageBox::DestructiveRole},
            {CancelDelete, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<BoardCommands>(this), cardId](int choice) {
            if (!self || choice != ConfirmDelete)
                return;
            self->m_board->deleteCard(cardId, reporter(self, tr("The card was not deleted: %1")));
        });
}

void BoardCommands::renameColumn(const QString &columnId, const QString &name)
{
    const int row = m_board->columns()->rowOf(columnId);
    const QString trimmed = name.trimmed();
    if (row < 0 || trimmed.isEmpty() || trimmed == m_board->columns()->columnAt(row)->name)
        return;
    m_stack->push(new ColumnCommand(
        this, m_board, *m_board->columns()->columnAt(row), trimmed, std::nullopt));
}

void BoardCommands::setWipLimit(const QString &columnId, int limit)
{
    const int row = m_board->columns()->rowOf(columnId);
    if (row < 0 || limit == m_board->columns()->columnAt(row)->wipLimit.value_or(0))
        return;
    m_stack->push(
        new ColumnCommand(this, m_board, *m_board->columns()->columnAt(row), std::nullopt, limit));
}

void BoardCommands::deleteColumn(const QString &columnId)
{
    const int row = m_board->columns()->rowOf(columnId);
    if (row < 0)
        return;
    ColumnModel *columns = m_board->columns();
    const QString name = columns->columnAt(row)->name;
    const int cards = columns->cardCount(columnId);
    const Column *neighbour = columns->columnAt(row > 0 ? row - 1 : row + 1);
    if (cards > 0 && !neighbour) {
        Q_EMIT failed(tr("The last column cannot be deleted while it has cards."));
        return;
    }
    const QString moveTo = cards > 0 ? neighbour->id : QString();
    MessageBox::ask(m_window, tr("Delete column"),
        cards > 0 ? tr("Delete the column “%1”? Its %n card(s) move to “%2”. This cannot be "
                       "undone.",
            nullptr, cards)
                        .arg(name, neighbour->name)
                  : tr("Delete the empty column “%1”?").arg(name),
        QString(),
        {{ConfirmDelete, tr("&Delete"), QMessageBox::DestructiveRole},
            {CancelDelete, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<BoardCommands>(this), columnId, moveTo](int choice) {
            if (!self || choice != ConfirmDelete)
                return;
            self->m_board->deleteColumn(
                columnId, moveTo, reporter(self, tr("The column was not deleted: %1")));
        });
}

} // namespace corkboard::ui
