#pragma once

#include "app/shell/backend.h"
#include "app/widgets/form_errors.h"

#include <QDialog>

class QCheckBox;
class QModelIndex;
class QCompleter;
class QStandardItemModel;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace corkboard::ui {

class OpenBoard;

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
    QLineEdit *commentField() const { return m_commentInput; }
    QLineEdit *checklistField() const { return m_checklistInput; }
    QCompleter *mentionCompleter() const { return m_mentions; }
    const FormErrors &errors() const { return m_errors; }
    //! Typed text that is not on the server yet (card fields, a comment, a checklist item).
    bool hasUnsavedWork() const;
    QListWidget *comments() const { return m_comments; }
    QListWidget *checklist() const { return m_checklist; }
    QPushButton *saveButton() const { return m_save; }
    qint64 version() const { return m_card.version; }
    void save();
    //! Escape, Close and the window's close button: asks first when typed text would be lost.
    void reject() override;

Q_SIGNALS:
    void cardSaved(const corkboard::Card &card);

private:
    void load();
    void show(const CardDetail &detail);
    void showCard(const Card &card);
    client::CardPatch patchFromForm() const;
    void sendPatch(qint64 version);
    void onConflict(const UiError &error);
    void addComment();
    void addChecklistItem();
    //! The people the comment mentions: exactly those picked from the @ list, plus names typed
    //! in full (the longest name that matches wins, so "@Ana Maria" is not also "@Ana").
    QStringList mentionIdsIn(const QString &body) const;
    void onMentionPicked(const QModelIndex &index);
    void updateMentionPopup();
    void showSaveError(const UiError &error);
    //! Saves everything typed (card fields, pending comment and checklist text), then closes.
    void saveAndClose();
    void writeFinished(bool ok);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void onBoardEvent(const EventEnvelope &event);
    void showComments(const QList<Comment> &comments);

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
    QListWidget *m_checklist = nullptr;
    QLineEdit *m_checklistInput = nullptr;
    QListWidget *m_comments = nullptr;
    QLineEdit *m_commentInput = nullptr;
    QListWidget *m_activity = nullptr;
    QPushButton *m_save = nullptr;
    QCompleter *m_mentions = nullptr;
    QStandardItemModel *m_mentionModel = nullptr;
    QHash<QString, QString> m_picked; //!< "@Name" picked from the list → that person's id
    FormErrors m_errors;
    int m_pendingWrites = 0;
    bool m_writeFailed = false;
    bool m_closeWhenSaved = false;
    bool m_filling = false;
};

} // namespace corkboard::ui
