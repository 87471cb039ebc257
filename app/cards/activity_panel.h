#pragma once

#include "app/cards/card_panel.h"

#include <QSet>

class QListWidget;

namespace corkboard::ui {

//! What happened to this card, newest first, in sentences ("Ana moved this card"): the board's
//! activity narrowed to the card's own events and those of its comments and checklist items.
class ActivityPanel : public CardPanel
{
    Q_OBJECT
public:
    ActivityPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    void load() override;
    void showDetail(const CardDetail &detail) override;
    QListWidget *list() const { return m_list; }

    //! One entry as a sentence about this card; empty when the entry is not about it.
    QString sentence(const ActivityEntry &entry) const;

private:
    void show(const QList<ActivityEntry> &entries);

    QListWidget *m_list = nullptr;
    //! Ids of the card's comments and checklist items seen while the dialog is open (their
    //! events name them, not the card).
    QSet<QString> m_partIds;
    int m_generation = 0;
};

} // namespace corkboard::ui
