#pragma once

#include "app/cards/card_panel.h"

#include <QHash>

class QCompleter;
class QLineEdit;
class QListWidget;
class QModelIndex;
class QStandardItemModel;

namespace corkboard::ui {

//! The card's comments (live) and the field to post one with Enter, with an @mention picker.
class CommentsPanel : public CardPanel
{
    Q_OBJECT
public:
    CommentsPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    void load() override;
    bool hasUnsavedWork() const override;
    void flush() override;

    QListWidget *list() const { return m_list; }
    QLineEdit *input() const { return m_input; }
    QCompleter *mentionCompleter() const { return m_mentions; }

private:
    void addComment();
    void showComments(const QList<Comment> &comments);
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
