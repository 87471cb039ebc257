#pragma once

#include "app/cards/card_panel.h"

class QLineEdit;
class QListWidget;

namespace corkboard::ui {

//! The card's checklist: tick items, add one with Enter (focus stays for the next).
class ChecklistPanel : public CardPanel
{
    Q_OBJECT
public:
    ChecklistPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    void showDetail(const CardDetail &detail) override;
    bool hasUnsavedWork() const override;
    void flush() override;

    QListWidget *list() const { return m_list; }
    QLineEdit *input() const { return m_input; }

private:
    void addItem();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QListWidget *m_list = nullptr;
    QLineEdit *m_input = nullptr;
    bool m_filling = false;
};

} // namespace corkboard::ui
