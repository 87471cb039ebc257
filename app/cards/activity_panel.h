#pragma once

#include "app/cards/card_panel.h"

class QListWidget;

namespace corkboard::ui {

//! What happened on the board, newest first.
class ActivityPanel : public CardPanel
{
    Q_OBJECT
public:
    ActivityPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    QListWidget *list() const { return m_list; }

private:
    QListWidget *m_list = nullptr;
};

} // namespace corkboard::ui
