#include "app/boards/board_commands.h"

#include "app/boards/open_board.h"
#include "app/cards/edit_card_command.h"
#include "app/cards/edit_text_command.h"
#include "app/widgets/message_box.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
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

//! Deleting a card as an undoable step: the card leaves the board at once (archived on the
//! server, so it goes for everyone), and is deleted for good only when the step can no longer
//! be undone: when the history drops it (another board, sign-out, quit, or the undo limit).
//! Undo restores it from the archive, with its checklist, comments and attachments.
class DeleteCardCommand : public QUndoCommand
{
public:
    //! `mark` says whether the card is deleted now (the archive view leaves it out), `purge`
    //! deletes it for good.
    DeleteCardCommand(BoardCommands *commands, OpenBoard *board, QString cardId,
        const QString &title, std::function<void(const QString &, bool)> mark,
        std::function<void(const QString &)> purge)
        : m_commands(commands)
        , m_board(board)
        , m_cardId(std::move(cardId))
        , m_mark(std::move(mark))
        , m_purge(std::move(purge))
    {
        setText(QCoreApplication::translate("BoardCommands", "Delete “%1”").arg(title));
    }
    ~DeleteCardCommand() override
    {
        if (m_deleted && m_purge)
            m_purge(m_cardId);
        if (m_deleted && m_mark)
            m_mark(m_cardId, false);
    }
    void redo() override { apply(true); }
    void undo() override { apply(false); }

private:
    void apply(bool deleted)
    {
        m_deleted = deleted;
        if (m_mark)
            m_mark(m_cardId, deleted);
        if (m_board)
            m_board->setCardArchived(m_cardId, deleted,
                reporter(m_commands,
                    deleted ? QCoreApplication::translate(
                        "BoardCommands", "The card was not deleted: %1")
                            : QCoreApplication::translate(
                                "BoardCommands", "The card was not brought back: %1")));
    }
    BoardCommands *m_commands;
    QPointer<OpenBoard> m_board;
    QString m_cardId;
    std::function<void(const QString &, bool)> m_mark;
    std::function<void(const QString &)> m_purge;
    bool m_deleted = false;
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

//! Deleting a column as an undoable step: its cards go to its neighbour (the server moves them);
//! undo makes the column again where it was, with its name and WIP limit, and moves its cards
//! back in their order. The column comes back with a new id, which redo deletes.
class DeleteColumnCommand : public QUndoCommand
{
public:
    DeleteColumnCommand(BoardCommands *commands, OpenBoard *board, const Column &column)
        : m_commands(commands)
        , m_board(board)
        , m_name(column.name)
        , m_limit(column.wipLimit.value_or(0))
    {
        *m_columnId = column.id;
        setText(QCoreApplication::translate("BoardCommands", "Delete column “%1”").arg(m_name));
    }
    void redo() override
    {
        ColumnModel *columns = m_board ? m_board->columns() : nullptr;
        const QString id = *m_columnId;
        const int row = columns ? columns->rowOf(id) : -1;
        if (row < 0)
            return; // not back yet (undo's column is on its way) or gone already
        m_row = row;
        m_cardIds.clear();
        if (CardModel *cards = m_board->cardsOf(id)) {
            for (const Card &c : cards->cards())
                m_cardIds.append(c.id);
        }
        const Column *neighbour = columns->columnAt(row > 0 ? row - 1 : row + 1);
        m_board->deleteColumn(id, m_cardIds.isEmpty() || !neighbour ? QString() : neighbour->id,
            reporter(m_commands,
                QCoreApplication::translate("BoardCommands", "The column was not deleted: %1")));
    }
    void undo() override
    {
        if (!m_board)
            return;
        QPointer<OpenBoard> board = m_board;
        const QPointer<BoardCommands> commands = m_commands;
        const int row = m_row;
        const int limit = m_limit;
        const QStringList cardIds = m_cardIds;
        const std::shared_ptr<QString> columnId = m_columnId;
        m_board->addColumn(
            m_name, [board, commands, row, limit, cardIds, columnId](const Column *column) {
                if (!column || !board)
                    return;
                *columnId = column->id;
                board->moveColumn(column->id, row);
                if (limit > 0)
                    board->updateColumn(column->id, std::nullopt, limit,
                        reporter(commands,
                            QCoreApplication::translate(
                                "BoardCommands", "The column was not changed: %1")));
                moveBack(board, cardIds, column->id, 0);
            });
    }

private:
    //! One card after the other: each names the one before it as its neighbour, which the
    //! server must have placed first.
    static void moveBack(
        QPointer<OpenBoard> board, QStringList cardIds, const QString &columnId, int row)
    {
        while (board && !cardIds.isEmpty() && !board->findCard(cardIds.first()))
            cardIds.removeFirst(); // gone meanwhile
        if (!board || cardIds.isEmpty())
            return;
        const QString cardId = cardIds.takeFirst();
        board->moveCard(cardId, columnId, row,
            [board, cardIds, columnId, row](bool) { moveBack(board, cardIds, columnId, row + 1); });
    }

    BoardCommands *m_commands;
    QPointer<OpenBoard> m_board;
    //! The column's id now: undo's callback sets it (shared, the step may be gone by then).
    std::shared_ptr<QString> m_columnId = std::make_shared<QString>();
    QString m_name;
    int m_limit;
    int m_row = 0;
    QStringList m_cardIds;
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
    // Deleted cards whose steps go with the history are deleted for good now.
    m_stack->clear();
    if (m_board)
        m_board->setMoveHandler({});
    afterPurge(); // whoever waited goes on, after this object is gone
}

void BoardCommands::purge(const QString &cardId)
{
    if (!m_board)
        return;
    ++m_purging;
    m_board->deleteCard(cardId, [self = QPointer<BoardCommands>(this)](const UiError *error) {
        if (!self)
            return;
        if (error)
            Q_EMIT self->failed(tr("A deleted card stays in the archive: %1").arg(error->message));
        if (--self->m_purging == 0)
            self->afterPurge();
    });
}

void BoardCommands::afterPurge()
{
    // On a clean stack: the waiter may tear down the window, this object and the reply at hand.
    if (m_afterPurge)
        QTimer::singleShot(0, qApp, std::exchange(m_afterPurge, {}));
}

void BoardCommands::finishDeletes(std::function<void()> then)
{
    afterPurge(); // an earlier waiter goes first
    m_stack->clear();
    if (m_purging == 0) {
        then();
        return;
    }
    // Bounded: a server that does not answer does not keep the window from closing (the card
    // then stays in the archive, nothing is lost).
    m_afterPurge = std::move(then);
    QTimer::singleShot(3000, this, &BoardCommands::afterPurge);
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
    if (!card)
        return;
    const QPointer<BoardCommands> guard(this);
    m_stack->push(new DeleteCardCommand(
        this, m_board, cardId, card->title,
        [guard](const QString &id, bool deleted) {
            if (guard && deleted)
                guard->m_deleted.insert(id);
            else if (guard)
                guard->m_deleted.remove(id);
        },
        [self = guard](const QString &id) {
            if (self)
                self->purge(id);
        }));
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
    MessageBox::ask(m_window, tr("Delete column"),
        cards > 0 ? tr("Delete the column “%1”? Its %n card(s) move to “%2”; Undo (Ctrl+Z) puts "
                       "them back.",
            nullptr, cards)
                        .arg(name, neighbour->name)
                  : tr("Delete the empty column “%1”?").arg(name),
        QString(),
        {{ConfirmDelete, tr("&Delete"), QMessageBox::DestructiveRole},
            {CancelDelete, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<BoardCommands>(this), columnId](int choice) {
            if (!self || choice != ConfirmDelete || !self->m_board)
                return;
            const int at = self->m_board->columns()->rowOf(columnId);
            if (at >= 0)
                self->m_stack->push(new DeleteColumnCommand(
                    self, self->m_board, *self->m_board->columns()->columnAt(at)));
        });
}

} // namespace corkboard::ui
