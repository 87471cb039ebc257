#include "app/card_detail_dialog.h"

#include "app/board_controller.h"
#include "app/message_box.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTabWidget>
#include <QVBoxLayout>

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
    Backend *backend, BoardController *board, const QString &cardId, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_board(board)
    , m_cardId(cardId)
{
    setWindowTitle(tr("Card"));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Loading…"), this);
    layout->addWidget(m_status);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    auto *details = new QWidget(tabs);
    auto *form = new QFormLayout(details);
    m_title = new QLineEdit(details);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_title->setAccessibleName(tr("Title"));
    form->addRow(tr("&Title:"), m_title);
    m_description = new QPlainTextEdit(details);
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    form->addRow(tr("&Description:"), m_description);
    m_assignees = checkList(details, tr("Assignees"));
    form->addRow(tr("Assignees:"), m_assignees);
    m_labels = checkList(details, tr("Labels"));
    form->addRow(tr("Labels:"), m_labels);
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
    tabs->addTab(details, tr("Details"));

    auto *checklistPage = new QWidget(tabs);
    auto *cl = new QVBoxLayout(checklistPage);
    m_checklist = new QListWidget(checklistPage);
    m_checklist->setAccessibleName(tr("Checklist"));
    m_checklistInput = new QLineEdit(checklistPage);
    m_checklistInput->setPlaceholderText(tr("+ Add an item"));
    m_checklistInput->setAccessibleName(tr("New checklist item"));
    cl->addWidget(m_checklist);
    cl->addWidget(m_checklistInput);
    tabs->addTab(checklistPage, tr("Checklist"));
    connect(m_checklistInput, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_checklistInput->text().trimmed();
        if (text.isEmpty())
            return;
        m_checklistInput->clear();
        m_backend->addChecklistItem(this, m_cardId, text, [this](const Outcome<ChecklistItem> &r) {
            if (!r.ok()) {
                m_status->setText(r.error.message);
                return;
            }
            load();
        });
    });
    connect(m_checklist, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling)
            return;
        m_backend->setChecklistItemDone(this, item->data(Qt::UserRole).toString(),
            item->checkState() == Qt::Checked, [this](const Outcome<ChecklistItem> &r) {
                if (!r.ok())
                    m_status->setText(r.error.message);
                load();
            });
    });

    auto *commentsPage = new QWidget(tabs);
    auto *cm = new QVBoxLayout(commentsPage);
    m_comments = new QListWidget(commentsPage);
    m_comments->setWordWrap(true);
    m_comments->setAccessibleName(tr("Comments"));
    m_commentInput = new QLineEdit(commentsPage);
    m_commentInput->setObjectName(QStringLiteral("commentInput"));
    m_commentInput->setPlaceholderText(tr("Write a comment — type @ to mention someone"));
    m_commentInput->setAccessibleName(tr("New comment"));
    QStringList handles;
    for (const Person &p : board->members())
        handles << QLatin1Char('@') + p.displayName;
    auto *completer = new QCompleter(handles, m_commentInput);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    // The @mention picker: complete the word after the last '@'.
    connect(m_commentInput, &QLineEdit::textEdited, this, [this, completer](const QString &text) {
        const int at = text.lastIndexOf(QLatin1Char('@'));
        if (at < 0 || text.mid(at).contains(QLatin1Char(' ')))
            return;
        completer->setCompletionPrefix(text.mid(at));
        completer->complete();
    });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
        [this](const QString &handle) {
            QString text = m_commentInput->text();
            text = text.left(text.lastIndexOf(QLatin1Char('@'))) + handle + QLatin1Char(' ');
            m_commentInput->setText(text);
        });
    connect(m_commentInput, &QLineEdit::returnPressed, this, &CardDetailDialog::addComment);
    cm->addWidget(m_comments);
    cm->addWidget(m_commentInput);
    tabs->addTab(commentsPage, tr("Comments"));

    m_activity = new QListWidget(tabs);
    m_activity->setAccessibleName(tr("Activity"));
    tabs->addTab(m_activity, tr("Activity"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(m_save, &QPushButton::clicked, this, &CardDetailDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (const Person &p : board->members()) {
        auto *item = new QListWidgetItem(p.displayName, m_assignees);
        item->setData(Qt::UserRole, p.id);
        item->setCheckState(Qt::Unchecked);
    }
    for (const Label &l : board->labels()) {
        auto *item = new QListWidgetItem(l.name, m_labels);
        item->setData(Qt::UserRole, l.id);
        item->setData(Qt::DecorationRole, l.color);
        item->setCheckState(Qt::Unchecked);
    }
    connect(backend, &Backend::boardEvent, this, &CardDetailDialog::onBoardEvent);
    resize(560, 520);
    m_save->setEnabled(false);
    if (auto card = board->card(cardId))
        showCard(*card);
    load();
    m_backend->boardActivity(
        this, board->boardId(), [this](const Outcome<QList<ActivityEntry>> &r) {
            if (!r.ok())
                return;
            for (const ActivityEntry &e : *r.value)
                m_activity->addItem(
                    tr("%1 — %2 %3")
                        .arg(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat),
                            e.actorName, e.text));
        });
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
    // Unsaved edits stay in the form; saving them then meets the newer version (412).
    if (!m_save->isEnabled() || patchFromForm().isEmpty())
        showCard(detail.card);
    m_filling = true;
    m_checklist->clear();
    for (const ChecklistItem &item : detail.checklist) {
        auto *w = new QListWidgetItem(item.text, m_checklist);
        w->setData(Qt::UserRole, item.id);
        w->setCheckState(item.done ? Qt::Checked : Qt::Unchecked);
    }
    m_comments->clear();
    for (const Comment &c : detail.comments)
        m_comments->addItem(tr("%1: %2").arg(c.authorName, c.body));
    m_filling = false;
    m_status->setText(QString());
    m_status->setVisible(false);
    m_save->setEnabled(true);
}

CardPatch CardDetailDialog::patchFromForm() const
{
    CardPatch patch;
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
    if (patchFromForm().isEmpty()) {
        accept();
        return;
    }
    sendPatch(m_card.version);
}

void CardDetailDialog::sendPatch(int version)
{
    m_save->setEnabled(false);
    m_backend->updateCard(this, m_cardId, version, patchFromForm(), [this](const Outcome<Card> &r) {
        m_save->setEnabled(true);
        if (r.ok()) {
            m_card = *r.value;
            Q_EMIT cardSaved(*r.value);
            accept();
            return;
        }
        if (r.error.isConflict()) {
            onConflict(r.error);
            return;
        }
        m_status->setText(r.error.message);
        m_status->setVisible(true);
    });
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
                // Compare against what the server has now, send with its version.
                const CardPatch mine = patchFromForm();
                m_card.version = theirs->version;
                m_backend->updateCard(
                    this, m_cardId, theirs->version, mine, [this](const Outcome<Card> &r) {
                        if (!r.ok()) {
                            m_status->setText(r.error.message);
                            m_status->setVisible(true);
                            return;
                        }
                        m_card = *r.value;
                        Q_EMIT cardSaved(*r.value);
                        accept();
                    });
            } else {
                showCard(*theirs);
                Q_EMIT cardSaved(*theirs);
            }
        });
}

void CardDetailDialog::addComment()
{
    const QString body = m_commentInput->text().trimmed();
    if (body.isEmpty())
        return;
    QStringList mentions;
    for (const Person &p : m_board->members()) {
        if (body.contains(QLatin1Char('@') + p.displayName))
            mentions << p.id;
    }
    m_commentInput->setEnabled(false);
    m_backend->addComment(this, m_cardId, body, mentions, [this](const Outcome<Comment> &r) {
        m_commentInput->setEnabled(true);
        if (!r.ok()) {
            m_status->setText(r.error.message);
            m_status->setVisible(true);
            return;
        }
        m_commentInput->clear();
        load();
    });
}

void CardDetailDialog::onBoardEvent(const BoardEvent &event)
{
    const bool mine = (event.card && event.card->id == m_cardId) || event.cardId == m_cardId
        || (event.comment && event.comment->cardId == m_cardId);
    if (mine && event.type != QLatin1String("card.deleted"))
        load();
}

} // namespace corkboard::ui
