#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QListView;

namespace corkboard::ui {

class BoardCommands;
class OpenBoard;
class CardDelegate;
class CardModel;

//! One column of the board: header (name, count, WIP limit — red when exceeded; drag it to
//! reorder columns), the cards, and a field to add a card inline.
class ColumnWidget : public QFrame
{
    Q_OBJECT
public:
    ColumnWidget(OpenBoard *controller, BoardCommands *commands, const QString &columnId,
        CardDelegate *delegate, QWidget *parent = nullptr);

    QString columnId() const { return m_columnId; }
    QListView *cardView() const { return m_view; }
    QLineEdit *addCardField() const { return m_addCard; }
    QLabel *countLabel() const { return m_count; }
    //! Why the last "+ Add a card" was refused (hidden when it was not).
    QLabel *addCardError() const { return m_addError; }
    void refreshHeader();
    //! Selects the card and scrolls to it (taking the focus unless `takeFocus` is false);
    //! false when it is not in this column.
    bool focusCard(const QString &cardId, bool takeFocus = true);

    static constexpr int kWidth = 280;

Q_SIGNALS:
    void cardActivated(const QString &cardId);
    //! A card left this column by keyboard: the board gives it the focus where it went.
    void focusCardRequested(const QString &cardId);
    //! Files from the file manager were dropped on a card: attach them to it.
    void filesDropped(const QString &cardId, const QStringList &paths);
    //! "Copy link" on a card (the window knows the server the link names).
    void copyLinkRequested(const QString &cardId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void moveSelected(int columnDelta, int rowDelta);
    void showCardMenu(const QPoint &pos);
    void showColumnMenu(const QPoint &pos);
    QString selectedCardId() const;
    //! Adds the typed title at the bottom, or (Shift+Enter) at the top.
    void submitNewCard(bool atTop = false);
    //! Drag-enter/move/drop of files on the card list's viewport; true when handled.
    bool fileDragEvent(QEvent *event);

    OpenBoard *m_controller;
    BoardCommands *m_commands;
    QString m_columnId;
    CardModel *m_model;
    QWidget *m_header = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_count = nullptr;
    QListView *m_view = nullptr;
    QLineEdit *m_addCard = nullptr;
    QLabel *m_addError = nullptr;
    QPoint m_pressPos;
};

} // namespace corkboard::ui
