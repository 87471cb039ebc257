#include "app/cards/checklist_panel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

ChecklistPanel::ChecklistPanel(
    Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent)
    : CardPanel(backend, board, cardId, parent)
{
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Checklist"));
    m_input = new QLineEdit(this);
    m_input->setPlaceholderText(tr("+ Add an item"));
    m_input->setAccessibleName(tr("New checklist item"));
    layout->addWidget(m_list);
    layout->addWidget(m_input);
    // Enter adds the item and stays here for the next one; it never reaches the dialog's
    // default button (that would save and close the card).
    m_input->installEventFilter(this);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling)
            return;
        m_backend->setChecklistItemDone(this, item->data(Qt::UserRole).toString(),
            item->checkState() == Qt::Checked, [this](const Outcome<ChecklistItem> &r) {
                if (!r.ok())
                    Q_EMIT statusMessage(r.error.message);
                Q_EMIT cardChanged();
            });
    });
}

QString ChecklistPanel::title() const
{
    return tr("Checklist");
}

void ChecklistPanel::showDetail(const CardDetail &detail)
{
    m_filling = true;
    m_list->clear();
    for (const ChecklistItem &item : detail.checklist) {
        auto *w = new QListWidgetItem(item.text, m_list);
        w->setData(Qt::UserRole, item.id);
        w->setCheckState(item.done ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
}

bool ChecklistPanel::hasUnsavedWork() const
{
    return !m_input->text().trimmed().isEmpty();
}

void ChecklistPanel::flush()
{
    if (hasUnsavedWork())
        addItem();
}

bool ChecklistPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addItem();
            return true; // handled here: the dialog's default button never sees it
        }
    }
    return CardPanel::eventFilter(watched, event);
}

void ChecklistPanel::addItem()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty())
        return;
    m_input->clear();
    Q_EMIT writeStarted();
    m_backend->addChecklistItem(
        this, m_cardId, text, [this, text](const Outcome<ChecklistItem> &r) {
            if (!r.ok()) {
                if (m_input->text().isEmpty())
                    m_input->setText(text);
                Q_EMIT statusMessage(r.error.isOffline()
                        ? tr("Item not added: the board server cannot be reached. Your text "
                             "is kept.")
                        : tr("Item not added: %1")
                              .arg(r.error.fieldErrors.value(
                                  QStringLiteral("text"), r.error.message)));
                Q_EMIT writeFinished(false);
                return;
            }
            Q_EMIT cardChanged();
            Q_EMIT writeFinished(true);
        });
}

} // namespace corkboard::ui
