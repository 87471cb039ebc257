#pragma once

#include "shared/dto/card.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <functional>

class QUndoStack;
class QWidget;

namespace corkboard::ui {

class Backend;
class OpenBoard;
struct TextEditStep;

//! Every change a person makes to the open board goes through here, so menus, shortcuts, drag
//! and drop and context menus share one path and Ctrl+Z / Ctrl+Shift+Z undo and redo it. Each
//! command calls the typed client through the OpenBoard. A deleted card is archived until its
//! step leaves the history, then deleted for good (finishDeletes() before the window goes).
class BoardCommands : public QObject
{
    Q_OBJECT
public:
    //! Choice ids of the delete questions (for MessageBox::setNextAnswer in tests).
    enum DeleteChoice
    {
        ConfirmDelete = 11,
        CancelDelete = 12
    };

    BoardCommands(OpenBoard *board, QWidget *window, QObject *parent = nullptr);
    ~BoardCommands() override;

    QUndoStack *stack() const { return m_stack; }

    //! `row` counts the target column before the move (as a drop reports it).
    void moveCard(const QString &cardId, const QString &toColumnId, int row);
    void archiveCard(const QString &cardId);
    void restoreCard(const QString &cardId);
    //! Takes the card off the board at once, undoably (see the class comment).
    void deleteCard(const QString &cardId);
    //! Drops the history, deletes for good the cards deleted in it, and calls `then` when the
    //! server has answered (or after 3 s). Before the window signs out or quits.
    void finishDeletes(std::function<void()> then);
    //! Deleted by a step still in the history (archived on the server until then): the archive
    //! view leaves it out.
    bool isDeleted(const QString &cardId) const { return m_deleted.contains(cardId); }
    void renameColumn(const QString &columnId, const QString &name);
    //! 0: no limit.
    void setWipLimit(const QString &columnId, int limit);
    //! Asks, naming how many cards it holds and where they go (the column to its left, or
    //! its right for the first one), then deletes.
    void deleteColumn(const QString &columnId);
    //! A card saved from its dialog (already on the server): one undoable step.
    void recordCardEdit(Backend *backend, const Card &before, const Card &after);
    //! A checklist item's or comment's text saved from a card dialog: one undoable step.
    void recordTextEdit(Backend *backend, const TextEditStep &step);

Q_SIGNALS:
    //! Something the server refused, in words (the status bar shows it).
    void failed(const QString &message);

private:
    //! May go first when the window is torn down (siblings under one parent).
    QPointer<OpenBoard> m_board;
    QWidget *m_window;
    QUndoStack *m_stack;
    QString m_historyBoardId; //!< the board the undo history belongs to
    int m_purging = 0; //!< permanent deletes on their way
    QSet<QString> m_deleted; //!< see isDeleted()

    std::function<void()> m_afterPurge; //!< finishDeletes' waiter

    void purge(const QString &cardId);
    void afterPurge();
};

} // namespace corkboard::ui
