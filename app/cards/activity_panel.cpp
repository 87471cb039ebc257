#include "app/cards/activity_panel.h"

#include "app/boards/open_board.h"

#include <QListWidget>
#include <QLocale>
#include <QPushButton>
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
    m_earlier = new QPushButton(tr("Show earlier activity"), this);
    m_earlier->setObjectName(QStringLiteral("earlierActivity"));
    m_earlier->setVisible(false);
    layout->addWidget(m_earlier, 0, Qt::AlignLeft);
    connect(m_earlier, &QPushButton::clicked, this, [this] {
        m_earlier->setEnabled(false);
        fetch(m_nextCursor, true);
    });
}

QString ActivityPanel::title() const
{
    return tr("Activity");
}

void ActivityPanel::load()
{
    fetch(QString(), false);
}

void ActivityPanel::fetch(const QString &cursor, bool append)
{
    // A newer load supersedes an older one still on its way.
    const int generation = ++m_generation;
    m_backend->cardActivity(this, m_board->boardId(), m_cardId, cursor,
        [this, generation, append](const Outcome<client::Page<ActivityEntry>> &r) {
            if (generation != m_generation)
                return;
            m_earlier->setEnabled(true);
            if (!r.ok()) {
                Q_EMIT statusMessage(
                    tr("The card's activity could not be loaded: %1").arg(r.error.message));
                return;
            }
            m_nextCursor = r.value->nextCursor;
            show(r.value->items, append);
        });
}

QString ActivityPanel::sentence(const ActivityEntry &e)
{
    const QString who = e.actorName.isEmpty() ? tr("Someone") : e.actorName;
    const QString &a = e.action;
    if (a == QLatin1String("card.created"))
        return tr("%1 created this card").arg(who);
    if (a == QLatin1String("card.moved")) {
        const QString from = e.details.value(QLatin1String("from_column")).toString();
        const QString to = e.details.value(QLatin1String("to_column")).toString();
        const QString fromId = e.details.value(QLatin1String("from_column_id")).toString();
        const QString toId = e.details.value(QLatin1String("to_column_id")).toString();
        if (!from.isEmpty() && !to.isEmpty() && fromId != toId)
            return tr("%1 moved this card from %2 to %3").arg(who, from, to);
        if (!to.isEmpty())
            return tr("%1 moved this card within %2").arg(who, to);
        return tr("%1 moved this card").arg(who);
    }
    if (a == QLatin1String("card.updated"))
        return tr("%1 changed this card").arg(who);
    if (a == QLatin1String("card.deleted"))
        return tr("%1 deleted this card").arg(who);
    if (a == QLatin1String("comment.created"))
        return tr("%1 commented: “%2”").arg(who, e.summary.simplified()); // one line
    if (a == QLatin1String("comment.updated"))
        return tr("%1 edited a comment").arg(who);
    if (a == QLatin1String("comment.deleted"))
        return tr("%1 deleted a comment").arg(who);
    if (a == QLatin1String("checklist.changed")) {
        const QString change = e.details.value(QLatin1String("change")).toString();
        const QString item = e.details.value(QLatin1String("item")).toString();
        if (change == QLatin1String("added"))
            return tr("%1 added “%2” to the checklist").arg(who, item);
        if (change == QLatin1String("edited"))
            return tr("%1 changed the checklist item “%2”").arg(who, item);
        if (change == QLatin1String("ticked"))
            return tr("%1 ticked “%2”").arg(who, item);
        if (change == QLatin1String("unticked"))
            return tr("%1 unticked “%2”").arg(who, item);
        if (change == QLatin1String("moved"))
            return tr("%1 moved “%2” in the checklist").arg(who, item);
        if (change == QLatin1String("deleted"))
            return tr("%1 removed “%2” from the checklist").arg(who, item);
        return tr("%1 changed the checklist").arg(who);
    }
    if (a == QLatin1String("attachment.added"))
        return tr("%1 attached “%2”").arg(who, e.summary);
    if (a == QLatin1String("attachment.removed"))
        return tr("%1 removed the attachment “%2”").arg(who, e.summary);
    return QString();
}

void ActivityPanel::show(const QList<ActivityEntry> &entries, bool append)
{
    if (!append)
        m_list->clear();
    else if (m_list->count() == 1 && !m_list->item(0)->data(Qt::UserRole).isValid())
        m_list->clear(); // the "nothing yet" line
    for (const ActivityEntry &e : entries) {
        const QString text = sentence(e);
        if (text.isEmpty())
            continue;
        const QString when = QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(when, text), m_list);
        item->setData(Qt::UserRole, e.id);
        item->setToolTip(QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat));
    }
    if (m_list->count() == 0)
        m_list->addItem(tr("Nothing has happened to this card yet."));
    m_earlier->setVisible(!m_nextCursor.isEmpty());
}

} // namespace corkboard::ui
