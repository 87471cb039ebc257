#pragma once

#include "app/cards/card_panel.h"
#include "app/shell/backend.h"
#include "app/widgets/form_errors.h"

#include <QDialog>

class QCheckBox;
class QCompleter;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace corkboard::ui {

class ActivityPanel;
class AttachmentsPanel;
class CardPanel;
class ChecklistPanel;
class CommentsPanel;
class OpenBoard;

//! Everything about one card: its own fields (title, description, assignees, labels, due date)
//! here, and one tab per CardPanel (checklist, comments, activity). Saving sends the version it
//! started from; if someone changed the card meanwhile (412) the user sees what changed and
//! keeps theirs or takes the server's.
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
    //! Choice ids of the question on closing with unsaved text.
    enum CloseChoice
    {
        SaveChanges = 3,
        DiscardChanges = 4,
        KeepEditing = 5
    };

    CardDetailDialog(
        Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent = nullptr);

    QLineEdit *titleField() const { return m_title; }
    QPlainTextEdit *descriptionField() const { return m_description; }
    QLineEdit *commentField() const;
    QLineEdit *checklistField() const;
    QCompleter *mentionCompleter() const;
    const FormErrors &errors() const { return m_errors; }
    //! Typed text that is not on the server yet (card fields, or in any panel).
    bool hasUnsavedWork() const;
    QListWidget *comments() const;
    QListWidget *checklist() const;
    ChecklistPanel *checklistPanel() const { return m_checklistPanel; }
    CommentsPanel *commentsPanel() const { return m_commentsPanel; }
    ActivityPanel *activityPanel() const { return m_activityPanel; }
    AttachmentsPanel *attachmentsPanel() const { return m_attachmentsPanel; }
    QPushButton *saveButton() const { return m_save; }
    qint64 version() const { return m_card.version; }
    void save();
    //! Escape, Close and the window's close button: asks first when typed text would be lost.
    void reject() override;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

Q_SIGNALS:
    void cardSaved(const corkboard::Card &card);
    //! The card's own fields were saved from here: how they were, how they are (for undo).
    void cardEdited(const corkboard::Card &before, const corkboard::Card &after);
    //! A checklist item's or comment's text was saved from here (for undo).
    void textEdited(const corkboard::ui::TextEditStep &step);

private:
    void load();
    void show(const CardDetail &detail);
    void showCard(const Card &card);
    client::CardPatch patchFromForm() const;
    void sendPatch(qint64 version);
    void onConflict(const UiError &error);
    //! Adds a tab for one part of the card; its writes count for "Save and close".
    template<class Panel>
    Panel *addPanel(Panel *panel)
    {
        addPanelTab(panel);
        return panel;
    }
    void addPanelTab(CardPanel *panel);
    void showStatus(const QString &text);
    void showSaveError(const UiError &error);
    //! Saves everything typed (card fields and what the panels hold), then closes.
    void saveAndClose();
    void writeFinished(bool ok);
    void onBoardEvent(const EventEnvelope &event);

    Backend *m_backend;
    OpenBoard *m_board;
    QString m_cardId;
    Card m_card;
    QLabel *m_status = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QListWidget *m_assignees = nullptr;
    QListWidget *m_labels = nullptr;
    QCheckBox *m_hasDue = nullptr;
    QDateTimeEdit *m_due = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<CardPanel *> m_panels;
    ChecklistPanel *m_checklistPanel = nullptr;
    CommentsPanel *m_commentsPanel = nullptr;
    ActivityPanel *m_activityPanel = nullptr;
    AttachmentsPanel *m_attachmentsPanel = nullptr;
    QPushButton *m_save = nullptr;
    FormErrors m_errors;
    int m_pendingWrites = 0;
    bool m_writeFailed = false;
    bool m_closeWhenSaved = false;
    bool m_filling = false;
};

} // namespace corkboard::ui
