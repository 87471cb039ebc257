#pragma once

#include "app/backend.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace corkboard::ui {

class BoardController;

//! Everything about one card: title, description, assignees, labels, due date, checklist,
//! comments (live, with an @mention picker) and the board's recent activity. Saving sends
//! the version it started from; if someone changed the card meanwhile (412) the user sees
//! what changed and keeps theirs or takes the server's.
class CardDetailDialog : public QDialog
{
    Q_OBJECT
public:
    //! Choice ids of the conflict question (for MessageBox::setNextAnswer in tests).
    enum ConflictChoice
    {
        KeepMine = 1,
        TakeTheirs = 2
    };

    CardDetailDialog(
        Backend *backend, BoardController *board, const QString &cardId, QWidget *parent = nullptr);

    QLineEdit *titleField() const { return m_title; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QLineEdit *commentField() const { return m_commentInput; }
    QListWidget *comments() const { return m_comments; }
    QListWidget *checklist() const { return m_checklist; }
    QPushButton *saveButton() const { return m_save; }
    int version() const { return m_card.version; }
    void save();

Q_SIGNALS:
    void cardSaved(const corkboard::ui::Card &card);

private:
    void load();
    void show(const CardDetail &detail);
    void showCard(const Card &card);
    CardPatch patchFromForm() const;
    void sendPatch(int version);
    void onConflict(const UiError &error);
    void addComment();
    void onBoardEvent(const BoardEvent &event);

    Backend *m_backend;
    BoardController *m_board;
    QString m_cardId;
    Card m_card;
    QLabel *m_status = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QListWidget *m_assignees = nullptr;
    QListWidget *m_labels = nullptr;
    QCheckBox *m_hasDue = nullptr;
    QDateTimeEdit *m_due = nullptr;
    QListWidget *m_checklist = nullptr;
    QLineEdit *m_checklistInput = nullptr;
    QListWidget *m_comments = nullptr;
    QLineEdit *m_commentInput = nullptr;
    QListWidget *m_activity = nullptr;
    QPushButton *m_save = nullptr;
    bool m_filling = false;
};

} // namespace corkboard::ui
