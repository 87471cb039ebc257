#include "app/cards/checklist_panel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

#include <utility>

namespace corkboard::ui {

ChecklistPanel::ChecklistPanel(
    Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent)
    : CardPanel(backend, board, cardId, parent)
{
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("checklist"));
    m_list->setAccessibleName(tr("Checklist"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->installEventFilter(this);
    m_input = new QLineEdit(this);
    m_input->setPlaceholderText(tr("+ Add an item"));
    m_input->setAccessibleName(tr("New checklist item"));
    layout->addWidget(m_list);
    layout->addWidget(m_input);
    // Enter adds the item and stays here for the next one; it never reaches the dialog's
    // default button (that would save and close the card).
    m_input->installEventFilter(this);
    connect(m_list, &QListWidget::itemChanged, this, &ChecklistPanel::onItemChanged);
    connect(m_list, &QWidget::customContextMenuRequested, this, &ChecklistPanel::showMenu);
    // Dragging an item reorders it (rows in italics are not on the server yet: they stay put).
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
        [this](const QModelIndex &, int start, int end, const QModelIndex &, int destination) {
            if (m_filling || start != end)
                return;
            sendMove(destination > start ? destination - 1 : destination);
        });
}

QString ChecklistPanel::title() const
{
    return tr("Checklist");
}

void ChecklistPanel::focusInput()
{
    m_input->setFocus(Qt::TabFocusReason);
}

void ChecklistPanel::showDetail(const CardDetail &detail)
{
    // Edits not on the server yet stay (and stay marked) through a reload.
    QHash<QString, QString> unsaved;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->text() != item->data(SavedTextRole).toString())
            unsaved.insert(item->data(Qt::UserRole).toString(), item->text());
    }
    const QString current
        = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_filling = true;
    m_list->clear();
    m_filling = false;
    for (const ChecklistItem &item : detail.checklist) {
        m_filling = true;
        auto *w = new QListWidgetItem(unsaved.value(item.id, item.text), m_list);
        w->setFlags(w->flags() | Qt::ItemIsEditable);
        w->setData(Qt::UserRole, item.id);
        w->setData(SavedTextRole, item.text);
        w->setCheckState(item.done ? Qt::Checked : Qt::Unchecked);
        markUnsaved(w, unsaved.contains(item.id));
        if (item.id == current)
            m_list->setCurrentItem(w);
        m_filling = false;
    }
    showUnsentRows();
}

void ChecklistPanel::showUnsentRows()
{
    m_filling = true;
    for (int i = m_list->count() - 1; i >= 0; --i) {
        if (m_list->item(i)->data(Qt::UserRole).toString().isEmpty())
            delete m_list->takeItem(i);
    }
    const auto addRow = [this](const QString &text, const QString &why) {
        auto *w = new QListWidgetItem(text, m_list);
        w->setFlags(Qt::ItemIsEnabled); // not ticked or edited before the server has it
        QFont font = w->font();
        font.setItalic(true);
        w->setFont(font);
        w->setToolTip(why);
    };
    for (const QString &text : std::as_const(m_refused))
        addRow(text, tr("Not added yet: Save tries again"));
    if (m_inFlight)
        addRow(m_sending, tr("Adding…"));
    for (const QString &text : std::as_const(m_queue))
        addRow(text, tr("Adding…"));
    m_filling = false;
}

void ChecklistPanel::markUnsaved(QListWidgetItem *item, bool unsaved)
{
    const bool was = m_filling;
    m_filling = true; // changing the look is not an edit
    QFont font = item->font();
    font.setItalic(unsaved);
    item->setFont(font);
    item->setToolTip(
        unsaved ? tr("Not saved yet: %1").arg(item->data(SavedTextRole).toString()) : QString());
    m_filling = was;
}

bool ChecklistPanel::hasUnsavedWork() const
{
    if (!m_input->text().trimmed().isEmpty() || !m_refused.isEmpty())
        return true;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (!item->data(Qt::UserRole).toString().isEmpty()
            && item->text() != item->data(SavedTextRole).toString())
            return true;
    }
    return false;
}

void ChecklistPanel::flush()
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (!item->data(Qt::UserRole).toString().isEmpty()
            && item->text() != item->data(SavedTextRole).toString())
            saveText(item);
    }
    // Refused items again, in their order, before what is typed now.
    for (const QString &text : std::exchange(m_refused, {})) {
        m_queue.append(text);
        Q_EMIT writeStarted();
    }
    if (!m_input->text().trimmed().isEmpty())
        addItem();
    else
        sendNextAdd();
    showUnsentRows();
}

bool ChecklistPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (watched == m_input && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
            addItem();
            return true; // handled here: the dialog's default button never sees it
        }
        // (Keys typed into an item's editor go to the editor, not to the list.)
        if (watched == m_list && key == Qt::Key_Delete && m_list->currentItem()
            && !m_list->currentItem()->data(Qt::UserRole).toString().isEmpty()) {
            deleteItem(m_list->currentItem());
            return true;
        }
        const auto mods = static_cast<QKeyEvent *>(event)->modifiers();
        if (watched == m_list && mods == Qt::AltModifier
            && (key == Qt::Key_Up || key == Qt::Key_Down) && m_list->currentItem()) {
            stepItem(m_list->currentRow(), key == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return CardPanel::eventFilter(watched, event);
}

void ChecklistPanel::onItemChanged(QListWidgetItem *item)
{
    if (m_filling)
        return;
    const QString saved = item->data(SavedTextRole).toString();
    if (item->text() != saved) {
        if (item->text().trimmed().isEmpty()) { // an emptied item is not a deletion
            m_filling = true;
            item->setText(saved);
            m_filling = false;
            return;
        }
        saveText(item);
        return;
    }
    // Otherwise the tick changed.
    m_backend->setChecklistItemDone(this, item->data(Qt::UserRole).toString(),
        item->checkState() == Qt::Checked, [this](const Outcome<ChecklistItem> &r) {
            if (!r.ok())
                Q_EMIT statusMessage(r.error.message);
            Q_EMIT cardChanged();
        });
}

void ChecklistPanel::saveText(QListWidgetItem *item)
{
    const QString id = item->data(Qt::UserRole).toString();
    const QString text = item->text().trimmed();
    const QString before = item->data(SavedTextRole).toString();
    Q_EMIT writeStarted();
    m_backend->editChecklistItem(
        this, id, text, [this, id, before](const Outcome<ChecklistItem> &r) {
            QListWidgetItem *shown = nullptr; // a reload may have replaced the item
            for (int i = 0; i < m_list->count(); ++i) {
                if (m_list->item(i)->data(Qt::UserRole).toString() == id)
                    shown = m_list->item(i);
            }
            if (!r.ok()) {
                // The edit stays in the list, marked; Save (or closing with "Save") tries again.
                if (shown)
                    markUnsaved(shown, true);
                Q_EMIT statusMessage(r.error.isOffline()
                        ? tr("Item not changed: the board server cannot be reached. Your text is "
                             "kept.")
                        : tr("Item not changed: %1")
                              .arg(r.error.fieldErrors.value(
                                  QStringLiteral("text"), r.error.message)));
                Q_EMIT writeFinished(false);
                return;
            }
            if (shown) {
                m_filling = true;
                shown->setData(SavedTextRole, r.value->text);
                shown->setText(r.value->text);
                m_filling = false;
                markUnsaved(shown, false);
            }
            if (before != r.value->text)
                Q_EMIT textEdited(
                    {TextEditStep::ChecklistItemText, m_cardId, id, before, r.value->text});
            Q_EMIT cardChanged();
            Q_EMIT writeFinished(true);
        });
}

void ChecklistPanel::deleteItem(QListWidgetItem *item)
{
    const QString id = item->data(Qt::UserRole).toString();
    Q_EMIT writeStarted();
    m_backend->deleteChecklistItem(this, id, [this](const Outcome<Nothing> &r) {
        if (!r.ok()) {
            Q_EMIT statusMessage(tr("Item not deleted: %1").arg(r.error.message));
            Q_EMIT writeFinished(false);
            return;
        }
        Q_EMIT cardChanged();
        Q_EMIT writeFinished(true);
    });
}

void ChecklistPanel::stepItem(int row, int by)
{
    const int to = row + by;
    const auto saved = [this](int r) {
        return r >= 0 && r < m_list->count()
            && !m_list->item(r)->data(Qt::UserRole).toString().isEmpty();
    };
    if (!saved(row) || !saved(to))
        return;
    m_filling = true;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentItem(item);
    m_filling = false;
    sendMove(to);
}

void ChecklistPanel::sendMove(int row)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    if (id.isEmpty()) { // an unsent row was dragged: the server's order stands
        Q_EMIT cardChanged();
        return;
    }
    QString after;
    for (int r = row - 1; r >= 0 && after.isEmpty(); --r)
        after = m_list->item(r)->data(Qt::UserRole).toString();
    Q_EMIT writeStarted();
    m_backend->moveChecklistItem(this, id, after, [this](const Outcome<ChecklistItem> &r) {
        if (!r.ok()) {
            Q_EMIT statusMessage(tr("Item not moved: %1").arg(r.error.message));
            Q_EMIT cardChanged(); // back to the order the server keeps
            Q_EMIT writeFinished(false);
            return;
        }
        Q_EMIT cardChanged();
        Q_EMIT writeFinished(true);
    });
}

void ChecklistPanel::showMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_list->itemAt(pos);
    if (!item || item->data(Qt::UserRole).toString().isEmpty())
        return;
    m_list->setCurrentItem(item);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("checklistMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // Items are not QObjects and a reload replaces them: find the item again by its id.
    const QString id = item->data(Qt::UserRole).toString();
    const auto find = [this, id]() -> QListWidgetItem * {
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->data(Qt::UserRole).toString() == id)
                return m_list->item(i);
        }
        return nullptr;
    };
    QAction *edit = menu->addAction(tr("&Edit"), this, [this, find] {
        if (QListWidgetItem *it = find())
            m_list->editItem(it);
    });
    edit->setShortcut(QKeySequence(Qt::Key_F2));
    QAction *del = menu->addAction(tr("&Delete"), this, [this, find] {
        if (QListWidgetItem *it = find())
            deleteItem(it);
    });
    del->setShortcut(QKeySequence::Delete);
    menu->addSeparator();
    QAction *up = menu->addAction(tr("Move &up"), this, [this, find] {
        if (QListWidgetItem *it = find())
            stepItem(m_list->row(it), -1);
    });
    up->setShortcut(QKeySequence(Qt::AltModifier | Qt::Key_Up));
    up->setEnabled(m_list->row(item) > 0);
    QAction *down = menu->addAction(tr("Move d&own"), this, [this, find] {
        if (QListWidgetItem *it = find())
            stepItem(m_list->row(it), 1);
    });
    down->setShortcut(QKeySequence(Qt::AltModifier | Qt::Key_Down));
    down->setEnabled(m_list->row(item) + 1 < m_list->count()
        && !m_list->item(m_list->row(item) + 1)->data(Qt::UserRole).toString().isEmpty());
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}

void ChecklistPanel::addItem()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty())
        return;
    m_input->clear();
    m_queue.append(text);
    Q_EMIT writeStarted();
    sendNextAdd();
    showUnsentRows();
}

void ChecklistPanel::sendNextAdd()
{
    // One at a time: the server puts each new item last, so the order typed is the order kept.
    if (m_inFlight || m_queue.isEmpty())
        return;
    m_sending = m_queue.takeFirst();
    m_inFlight = true;
    m_backend->addChecklistItem(this, m_cardId, m_sending, [this](const Outcome<ChecklistItem> &r) {
        m_inFlight = false;
        const QString text = std::exchange(m_sending, QString());
        if (!r.ok()) {
            m_refused.append(text);
            Q_EMIT statusMessage(r.error.isOffline()
                    ? tr("Item not added: the board server cannot be reached. Your text is kept.")
                    : tr("Item not added: %1")
                          .arg(r.error.fieldErrors.value(QStringLiteral("text"), r.error.message)));
            Q_EMIT writeFinished(false);
        } else {
            // Shown as the server has it at once (the reload that follows confirms it).
            m_filling = true;
            auto *w = new QListWidgetItem(r.value->text);
            w->setFlags(w->flags() | Qt::ItemIsEditable);
            w->setData(Qt::UserRole, r.value->id);
            w->setData(SavedTextRole, r.value->text);
            w->setCheckState(r.value->done ? Qt::Checked : Qt::Unchecked);
            int row = 0;
            while (row < m_list->count()
                && !m_list->item(row)->data(Qt::UserRole).toString().isEmpty())
                ++row;
            m_list->insertItem(row, w);
            m_filling = false;
            Q_EMIT cardChanged();
            Q_EMIT writeFinished(true);
        }
        sendNextAdd();
        showUnsentRows();
    });
}

} // namespace corkboard::ui
