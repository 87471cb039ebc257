#pragma once

#include "app/cards/card_panel.h"

#include <QHash>

class QCompleter;
class QLineEdit;
class QListWidget;
class QModelIndex;
class QStandardItemModel;

namespace corkboard::ui {

//! The card's comments (live, each with its author and time) and the field to post one with
//! Enter, with an @mention picker. Your own comments can be edited (F2, double-click or the
//! context menu) and deleted (Delete key or the context menu, after a question); a board's
//! owners may delete anyone's.
class CommentsPanel : public CardPanel
{
    Q_OBJECT
public:
    //! Per row: the comment's id, author id and body.
    enum Role
    {
        IdRole = Qt::UserRole,
        AuthorRole,
        BodyRole
    };
    //! Choice ids of the delete question (for MessageBox::setNextAnswer in tests).
    enum DeleteChoice
    {
        ConfirmDelete = 41,
        CancelDelete = 42
    };

    CommentsPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    void load() override;
    bool hasUnsavedWork() const override;
    void flush() override;
    void focusInput() override;

    QListWidget *list() const { return m_list; }
    QLineEdit *input() const { return m_input; }
    QCompleter *mentionCompleter() const { return m_mentions; }
    //! Opens the editor for the comment in `row` (when it is yours).
    void editComment(int row);
    //! Asks, then deletes the comment in `row` (yours, or any when you own the board).
    void deleteComment(int row);

private:
    void addComment();
    void showComments(const QList<Comment> &comments);
    void showMenu(const QPoint &pos);
    bool canEdit(int row) const;
    bool canDelete(int row) const;
    //! The people the comment mentions: exactly those picked from the @ list, plus names typed
    //! in full (the longest name that matches wins, so "@Ana Maria" is not also "@Ana").
    QStringList mentionIdsIn(const QString &body) const;
    void onMentionPicked(const QModelIndex &index);
    void updateMentionPopup();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QListWidget *m_list = nullptr;
    QLineEdit *m_input = nullptr;
    QCompleter *m_mentions = nullptr;
    QStandardItemModel *m_mentionModel = nullptr;
    QHash<QString, QString> m_picked; //!< "@Name" picked from the list → that person's id
};

} // namespace corkboard::ui
