#pragma once

#include "app/cards/card_panel.h"

class QListWidget;
class QPushButton;

namespace corkboard::ui {

//! What happened to this card, newest first, in sentences ("Ana moved this card from Doing to
//! Done"): the server's history of the card, its comments, checklist and attachments included,
//! 50 entries at a time with "Show earlier activity" for the rest.
class ActivityPanel : public CardPanel
{
    Q_OBJECT
public:
    ActivityPanel(Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent);

    QString title() const override;
    void load() override;
    QListWidget *list() const { return m_list; }
    QPushButton *earlierButton() const { return m_earlier; }

    //! One entry as a sentence about this card; empty for an entry the panel does not tell.
    static QString sentence(const ActivityEntry &entry);

private:
    void fetch(const QString &cursor, bool append);
    void show(const QList<ActivityEntry> &entries, bool append);

    QListWidget *m_list = nullptr;
    QPushButton *m_earlier = nullptr;
    QString m_nextCursor;
    int m_generation = 0;
};

} // namespace corkboard::ui
