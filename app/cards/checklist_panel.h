#pragma once

#include "app/cards/card_panel.h"

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace corkboard::ui {

//! The card's checklist: tick items; add one with Enter (focus stays for the next); edit one in
//! place (F2, double-click or its context menu; Enter keeps it, Escape takes back the edit);
//! delete one (Delete key or context menu); reorder by dragging, Alt+Up / Alt+Down or the context
//! menu (the window shows the new order at once; a refused move reloads the server's). New items go
//! to the server one at a time, in the order they were typed, and show (in italics) until the
//! server has them; an item or edit the server refused stays in the list, marked, and counts as
//! unsaved work (Save tries again).
class ChecklistPanel : public CardPanel
{
    Q_OBJECT
public:
    //! Per item: the text as the server has it (an edit differs until it is saved).
    static constexpr int SavedTextRole = Qt::UserRole + 1;

    ChecklistPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    void showDetail(const CardDetail &detail) override;
    bool hasUnsavedWork() const override;
    void flush() override;
    void focusInput() override;

    QListWidget *list() const { return m_list; }
    QLineEdit *input() const { return m_input; }

private:
    void addItem();
    void sendNextAdd();
    //! Rows for items typed but not on the server yet (sending, waiting, or refused).
    void showUnsentRows();
    void onItemChanged(QListWidgetItem *item);
    void saveText(QListWidgetItem *item);
    void deleteItem(QListWidgetItem *item);
    //! Sends the order the list shows for the saved item at `row` (after the saved item above).
    void sendMove(int row);
    //! Moves the saved item at `row` one place up (-1) or down (+1), then sendMove.
    void stepItem(int row, int by);
    void showMenu(const QPoint &pos);
    void markUnsaved(QListWidgetItem *item, bool unsaved);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QListWidget *m_list = nullptr;
    QLineEdit *m_input = nullptr;
    bool m_filling = false;
    QStringList m_queue; //!< typed, waiting for the one before to be added
    QString m_sending; //!< on its way to the server
    bool m_inFlight = false;
    QStringList m_refused; //!< the server did not take them (offline, too long…)
};

} // namespace corkboard::ui
