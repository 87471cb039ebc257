#pragma once

#include "app/shell/backend.h"

#include <QWidget>

namespace corkboard::ui {

class OpenBoard;

//! A checklist item's or a comment's text, changed from the card dialog (already saved there).
struct TextEditStep
{
    enum Kind
    {
        ChecklistItemText,
        CommentBody
    };
    Kind kind = ChecklistItemText;
    QString cardId;
    QString id; //!< the item or comment
    QString before;
    QString after;
};

//! One tab of the card dialog beside the card's own fields (checklist, comments, attachments,
//! activity). The dialog owns the card's loading and closing; a panel shows its part,
//! sends its own writes and tells the dialog about them, so "Save and close" waits for them and
//! a failed one keeps the dialog open. A new part of the card is one more CardPanel subclass and
//! one `addPanel` line in CardDetailDialog's constructor.
class CardPanel : public QWidget
{
    Q_OBJECT
public:
    CardPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent = nullptr)
        : QWidget(parent)
        , m_backend(backend)
        , m_board(board)
        , m_cardId(cardId)
    {
    }

    //! The tab's title (translated).
    virtual QString title() const = 0;
    //! Fetches what the panel shows beyond the card itself (comments…); called on every reload.
    virtual void load() { }
    //! The card as the server has it now (after every reload).
    virtual void showDetail(const CardDetail &detail) { Q_UNUSED(detail) }
    //! Typed text that is not on the server yet.
    virtual bool hasUnsavedWork() const { return false; }
    //! Sends typed text that is not on the server yet (Save, or closing with "Save").
    virtual void flush() { }
    //! The tab was chosen: the field a person types into next gets the focus.
    virtual void focusInput() { }

Q_SIGNALS:
    //! A write of this panel is on its way; writeFinished follows exactly once.
    void writeStarted();
    void writeFinished(bool ok);
    //! Something to tell the user (a refused or offline write); shown above the tabs.
    void statusMessage(const QString &text);
    //! The panel changed the card on the server: the dialog loads it again.
    void cardChanged();
    //! title() says something else now (e.g. a count).
    void titleChanged();
    //! A text saved from here (an undoable step for the board).
    void textEdited(const corkboard::ui::TextEditStep &step);

protected:
    Backend *m_backend;
    OpenBoard *m_board;
    QString m_cardId;
};

} // namespace corkboard::ui
