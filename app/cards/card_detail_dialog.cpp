#include "app/cards/card_detail_dialog.h"

#include "app/boards/open_board.h"
#include "app/cards/activity_panel.h"
#include "app/cards/attachments_panel.h"
#include "app/cards/checklist_panel.h"
#include "app/cards/comments_panel.h"
#include "app/widgets/message_box.h"
#include "app/widgets/plain_text.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace corkboard::ui {

namespace {
QListWidget *checkList(QWidget *parent, const QString &name)
{
    auto *list = new QListWidget(parent);
    list->setAccessibleName(name);
    list->setMaximumHeight(110);
    return list;
}

QStringList checkedIds(const QListWidget *list)
{
    QStringList ids;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids << list->item(i)->data(Qt::UserRole).toString();
    }
    return ids;
}

void setChecked(QListWidget *list, const QStringList &ids)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(ids.contains(list->item(i)->data(Qt::UserRole).toString())
                ? Qt::Checked
                : Qt::Unchecked);
}
} // namespace

CardDetailDialog::CardDetailDialog(
    Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_board(board)
    , m_cardId(cardId)
{
    setWindowTitle(tr("Card"));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Loading…"), this);
    m_status->setObjectName(QStringLiteral("cardStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    auto *details = new QWidget(m_tabs);
    auto *form = new QFormLayout(details);
    m_title = new QLineEdit(details);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_errors.addRow(form, tr("&Title:"), m_title, QStringLiteral("title"));
    m_description = new QPlainTextEdit(details);
    m_description->setTabChangesFocus(true);
    m_errors.addRow(form, tr("&Description:"), m_description, QStringLiteral("description"));
    m_assignees = checkList(details, tr("Assignees"));
    form->addRow(tr("Assignees:"), m_assignees);
    m_labels = checkList(details, tr("Labels"));
    if (board->labels().isEmpty()) {
        // An empty box says nothing: say where labels come from.
        auto *hint = new QLabel(
            tr("This board has no labels yet. Board ▸ Labels… in the window makes them."), details);
        hint->setObjectName(QStringLiteral("noLabelsHint"));
        hint->setTextFormat(Qt::PlainText);
        hint->setWordWrap(true);
        m_labels->setVisible(false);
        auto *labelsRow = new QVBoxLayout;
        labelsRow->addWidget(m_labels);
        labelsRow->addWidget(hint);
        form->addRow(tr("Labels:"), labelsRow);
    } else {
        form->addRow(tr("Labels:"), m_labels);
    }
    auto *dueRow = new QHBoxLayout;
    m_hasDue = new QCheckBox(tr("D&ue"), details);
    m_due = new QDateTimeEdit(details);
    m_due->setCalendarPopup(true);
    m_due->setAccessibleName(tr("Due date"));
    m_due->setEnabled(false);
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QDateTimeEdit::setEnabled);
    dueRow->addWidget(m_hasDue);
    dueRow->addWidget(m_due, 1);
    form->addRow(tr("Due date:"), dueRow);
    m_tabs->addTab(details, tr("Details"));

    // One tab per part of the card.
    m_checklistPanel = addPanel(new ChecklistPanel(backend, board, cardId, m_tabs));
    m_commentsPanel = addPanel(new CommentsPanel(backend, board, cardId, m_tabs));
    m_attachmentsPanel = addPanel(new AttachmentsPanel(backend, board, cardId, m_tabs));
    // Files dropped anywhere on the open card are attached to it.
    setAcceptDrops(true);
    m_activityPanel = addPanel(new ActivityPanel(backend, board, cardId, m_tabs));
    // A tab chosen with the mouse gives its typing field the focus: what is typed next goes
    // there (on the tab bar, Enter would reach the dialog's default button and close the card).
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto *panel = qobject_cast<CardPanel *>(m_tabs->widget(index)))
            panel->focusInput();
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveCard"));
    connect(m_save, &QPushButton::clicked, this, &CardDetailDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (const BoardMember &p : board->members()) {
        auto *item = new QListWidgetItem(p.displayName, m_assignees);
        item->setToolTip(plainToolTip(p.displayName));
        item->setData(Qt::UserRole, p.userId);
        item->setCheckState(Qt::Unchecked);
    }
    for (const Label &l : board->labels()) {
        auto *item = new QListWidgetItem(l.name, m_labels);
        item->setData(Qt::UserRole, l.id);
        item->setData(Qt::DecorationRole, QColor(l.color));
        item->setCheckState(Qt::Unchecked);
    }
    connect(backend, &Backend::boardEvent, this, &CardDetailDialog::onBoardEvent);
    resize(560, 520);
    m_save->setEnabled(false);
    if (auto card = board->card(cardId))
        showCard(*card);
    load();
}

void CardDetailDialog::load()
{
    m_backend->loadCard(this, m_cardId, [this](const Outcome<CardDetail> &result) {
        if (!result.ok()) {
            m_status->setText(result.error.message);
            return;
        }
        show(*result.value);
    });
    for (CardPanel *panel : std::as_const(m_panels))
        panel->load();
}

void CardDetailDialog::addPanelTab(CardPanel *panel)
{
    m_panels.append(panel);
    m_tabs->addTab(panel, panel->title());
    connect(panel, &CardPanel::writeStarted, this, [this] { ++m_pendingWrites; });
    connect(panel, &CardPanel::writeFinished, this, &CardDetailDialog::writeFinished);
    connect(panel, &CardPanel::statusMessage, this, &CardDetailDialog::showStatus);
    connect(panel, &CardPanel::cardChanged, this, &CardDetailDialog::load);
    connect(panel, &CardPanel::titleChanged, this,
        [this, panel] { m_tabs->setTabText(m_tabs->indexOf(panel), panel->title()); });
    connect(panel, &CardPanel::textEdited, this, &CardDetailDialog::textEdited);
}

void CardDetailDialog::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(true);
}

QLineEdit *CardDetailDialog::commentField() const
{
    return m_commentsPanel->input();
}

QLineEdit *CardDetailDialog::checklistField() const
{
    return m_checklistPanel->input();
}

QCompleter *CardDetailDialog::mentionCompleter() const
{
    return m_commentsPanel->mentionCompleter();
}

QListWidget *CardDetailDialog::comments() const
{
    return m_commentsPanel->list();
}

QListWidget *CardDetailDialog::checklist() const
{
    return m_checklistPanel->list();
}

void CardDetailDialog::showCard(const Card &card)
{
    m_filling = true;
    m_card = card;
    m_title->setText(card.title);
    m_description->setPlainText(card.description);
    setChecked(m_assignees, card.assigneeIds);
    setChecked(m_labels, card.labelIds);
    m_hasDue->setChecked(card.dueAt.isValid());
    m_due->setDateTime(
        card.dueAt.isValid() ? card.dueAt.toLocalTime() : QDateTime::currentDateTime().addDays(1));
    setWindowTitle(card.title);
    m_filling = false;
}

void CardDetailDialog::show(const CardDetail &detail)
{
    // Unsaved edits stay in the form (also while they are being saved); saving them then meets
    // the newer version (412).
    if (patchFromForm().isEmpty())
        showCard(detail.card);
    for (CardPanel *panel : std::as_const(m_panels))
        panel->showDetail(detail);
    m_status->setText(QString());
    m_status->setVisible(false);
    m_save->setEnabled(true);
}

client::CardPatch CardDetailDialog::patchFromForm() const
{
    client::CardPatch patch;
    if (m_title->text() != m_card.title)
        patch.title = m_title->text();
    if (m_description->toPlainText() != m_card.description)
        patch.description = m_description->toPlainText();
    const QStringList assignees = checkedIds(m_assignees);
    if (QSet<QString>(assignees.begin(), assignees.end())
        != QSet<QString>(m_card.assigneeIds.begin(), m_card.assigneeIds.end()))
        patch.assigneeIds = assignees;
    const QStringList labels = checkedIds(m_labels);
    if (QSet<QString>(labels.begin(), labels.end())
        != QSet<QString>(m_card.labelIds.begin(), m_card.labelIds.end()))
        patch.labelIds = labels;
    const QDateTime due = m_hasDue->isChecked() ? m_due->dateTime().toUTC() : QDateTime();
    if (due.isValid() != m_card.dueAt.isValid()
        || (due.isValid() && std::abs(due.secsTo(m_card.dueAt)) >= 60))
        patch.dueAt = due;
    return patch;
}

void CardDetailDialog::save()
{
    saveAndClose();
}

void CardDetailDialog::sendPatch(qint64 version)
{
    m_save->setEnabled(false);
    m_errors.clear();
    m_backend->updateCard(this, m_cardId, version, patchFromForm(), [this](const Outcome<Card> &r) {
        m_save->setEnabled(true);
        if (r.ok()) {
            const Card before = std::exchange(m_card, *r.value);
            Q_EMIT cardSaved(*r.value);
            Q_EMIT cardEdited(before, *r.value);
            if (m_pendingWrites > 0) {
                m_closeWhenSaved = true; // a comment or item is still on its way
                return;
            }
            if (!m_writeFailed)
                accept();
            return;
        }
        if (r.error.isConflict()) {
            onConflict(r.error);
            return;
        }
        m_closeWhenSaved = false;
        showSaveError(r.error);
    });
}

void CardDetailDialog::showSaveError(const UiError &error)
{
    // The typed text stays in the form; the rule is named next to the field it is about.
    UiError shown = error;
    const QHash<QString, QString> names {
        {QStringLiteral("title"), tr("Title")}, {QStringLiteral("description"), tr("Description")}};
    for (auto it = shown.fieldErrors.begin(); it != shown.fieldErrors.end(); ++it) {
        if (names.contains(it.key()))
            it.value() = tr("%1: %2").arg(names.value(it.key()), it.value());
    }
    m_errors.show(shown);
    QString status = error.isOffline()
        ? tr("Not saved: the board server cannot be reached. Your changes are kept here.")
        : error.message;
    m_status->setText(status);
    m_status->setVisible(true);
}

bool CardDetailDialog::hasUnsavedWork() const
{
    return !patchFromForm().isEmpty()
        || std::any_of(m_panels.begin(), m_panels.end(),
            [](const CardPanel *panel) { return panel->hasUnsavedWork(); });
}

void CardDetailDialog::reject()
{
    if (!hasUnsavedWork()) {
        QDialog::reject();
        return;
    }
    MessageBox::ask(this, tr("Unsaved changes"),
        tr("This card has changes that are not saved yet. Save them before closing?"), QString(),
        {{SaveChanges, tr("&Save"), QMessageBox::AcceptRole},
            {DiscardChanges, tr("&Discard"), QMessageBox::DestructiveRole},
            {KeepEditing, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<CardDetailDialog>(this)](int choice) {
            if (!self)
                return;
            if (choice == SaveChanges)
                self->saveAndClose();
            else if (choice == DiscardChanges)
                self->QDialog::reject();
        });
}

void CardDetailDialog::saveAndClose()
{
    m_writeFailed = false;
    for (CardPanel *panel : std::as_const(m_panels))
        panel->flush();
    if (!patchFromForm().isEmpty()) {
        sendPatch(m_card.version); // closes when it and the writes above are through
        return;
    }
    m_closeWhenSaved = true;
    if (m_pendingWrites == 0)
        accept();
}

void CardDetailDialog::writeFinished(bool ok)
{
    if (!ok) {
        m_writeFailed = true;
        m_closeWhenSaved = false;
    }
    if (m_pendingWrites > 0)
        --m_pendingWrites;
    if (m_pendingWrites == 0 && m_closeWhenSaved && !m_writeFailed && patchFromForm().isEmpty())
        accept();
}

void CardDetailDialog::onConflict(const UiError &error)
{
    const std::optional<Card> theirs = error.currentCard;
    QStringList changes;
    if (theirs) {
        if (theirs->title != m_card.title)
            changes << tr("Title: “%1”").arg(theirs->title);
        if (theirs->description != m_card.description)
            changes << tr("Description changed");
        if (theirs->assigneeIds != m_card.assigneeIds)
            changes << tr("Assignees changed");
        if (theirs->labelIds != m_card.labelIds)
            changes << tr("Labels changed");
        if (theirs->dueAt != m_card.dueAt)
            changes << tr("Due date changed");
    }
    MessageBox::ask(this, tr("Card changed meanwhile"),
        tr("Someone else changed this card while you were editing it."),
        changes.join(QLatin1Char('\n')),
        {{KeepMine, tr("Keep mine"), QMessageBox::AcceptRole},
            {TakeTheirs, tr("Take theirs"), QMessageBox::RejectRole}},
        [this, theirs](int choice) {
            if (!theirs)
                return load();
            if (choice == KeepMine) {
                // (theirs is what the server had; undoing this puts that back.)
                // Compare against what the server has now, send with its version.
                const client::CardPatch mine = patchFromForm();
                m_card.version = theirs->version;
                m_backend->updateCard(
                    this, m_cardId, theirs->version, mine, [this, theirs](const Outcome<Card> &r) {
                        if (!r.ok()) {
                            m_status->setText(r.error.message);
                            m_status->setVisible(true);
                            return;
                        }
                        m_card = *r.value;
                        Q_EMIT cardSaved(*r.value);
                        Q_EMIT cardEdited(*theirs, *r.value);
                        accept();
                    });
            } else {
                showCard(*theirs);
                Q_EMIT cardSaved(*theirs);
            }
        });
}

void CardDetailDialog::onBoardEvent(const EventEnvelope &event)
{
    // Card events carry the card ({id}), comment and checklist events its card_id.
    const QJsonObject data = QJsonDocument::fromJson(event.data).object();
    const QString cardId = event.type.startsWith(QLatin1String("card."))
        ? data.value(QStringLiteral("id")).toString()
        : data.value(QStringLiteral("card_id")).toString();
    if (cardId == m_cardId && event.type != QLatin1String("card.deleted"))
        load();
}

void CardDetailDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (AttachmentsPanel::canAttach(event->mimeData()))
        event->acceptProposedAction();
}

void CardDetailDialog::dragMoveEvent(QDragMoveEvent *event)
{
    if (AttachmentsPanel::canAttach(event->mimeData()))
        event->acceptProposedAction();
}

void CardDetailDialog::dropEvent(QDropEvent *event)
{
    // Dropped anywhere on the card: attached, and the Attachments tab shows the progress.
    if (m_attachmentsPanel->attachFrom(event->mimeData())) {
        event->acceptProposedAction();
        m_tabs->setCurrentWidget(m_attachmentsPanel);
    }
}

} // namespace corkboard::ui
