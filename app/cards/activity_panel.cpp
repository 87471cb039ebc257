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
    m_list->setObjectName(QStringLiteral("cardActivity"));
    m_list->setAccessibleName(tr("Activity of this card"));
    m_list->setWordWrap(true);
    layout->addWidget(m_list);
}

QString ActivityPanel::title() const
{
    return tr("Activity");
}

void ActivityPanel::showDetail(const CardDetail &detail)
{
    for (const ChecklistItem &item : detail.checklist)
        m_partIds.insert(item.id);
}

void ActivityPanel::load()
{
    // The comments first (their ids tie comment events to this card), then the board's
    // activity; a newer load supersedes an older one still on its way.
    const int generation = ++m_generation;
    m_backend->listComments(
        this, m_cardId, [this, generation](const Outcome<QList<Comment>> &comments) {
            if (generation != m_generation)
                return;
            if (comments.ok()) {
                for (const Comment &c : *comments.value)
                    m_partIds.insert(c.id);
            }
            m_backend->boardActivity(this, m_board->boardId(),
                [this, generation](const Outcome<QList<ActivityEntry>> &r) {
                    if (generation == m_generation && r.ok())
                        show(*r.value);
                });
        });
}

QString ActivityPanel::sentence(const ActivityEntry &e) const
{
    const QString who = e.actorName.isEmpty() ? tr("Someone") : e.actorName;
    const QString &a = e.action;
    if (e.entityId == m_cardId) {
        if (a == QLatin1String("card.created"))
            return tr("%1 created this card").arg(who);
        if (a == QLatin1String("card.moved"))
            return tr("%1 moved this card").arg(who);
        if (a == QLatin1String("card.updated"))
            return tr("%1 changed this card").arg(who);
        return QString();
    }
    if (!m_partIds.contains(e.entityId))
        return QString();
    if (a == QLatin1String("comment.created"))
        return tr("%1 commented: “%2”").arg(who, e.summary);
    if (a == QLatin1String("comment.updated"))
        return tr("%1 edited a comment").arg(who);
    if (a == QLatin1String("comment.deleted"))
        return tr("%1 deleted a comment").arg(who);
    if (a == QLatin1String("checklist.changed"))
        return tr("%1 changed the checklist").arg(who);
    return QString();
}

void ActivityPanel::show(const QList<ActivityEntry> &entries)
{
    m_list->clear();
    for (const ActivityEntry &e : entries) {
        const QString text = sentence(e);
        if (text.isEmpty())
            continue;
        const QString when = QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(when, text), m_list);
        item->setToolTip(QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat));
    }
    if (m_list->count() == 0)
        m_list->addItem(tr("Nothing has happened to this card yet."));
}

} // namespace corkboard::ui
