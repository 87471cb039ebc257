#include "app/cards/activity_panel.h"

#include "app/boards/open_board.h"

#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace corkboard::ui {

ActivityPanel::ActivityPanel(
    Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent)
    : CardPanel(backend, board, cardId, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Activity"));
    layout->addWidget(m_list);
    m_backend->boardActivity(
        this, board->boardId(), [this](const Outcome<QList<ActivityEntry>> &r) {
            if (!r.ok())
                return;
            for (const ActivityEntry &e : *r.value)
                m_list->addItem(
                    tr("%1 — %2 %3")
                        .arg(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat),
                            e.actorName, e.summary.isEmpty() ? e.action : e.summary));
        });
}

QString ActivityPanel::title() const
{
    return tr("Activity");
}

} // namespace corkboard::ui
