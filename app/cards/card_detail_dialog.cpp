#include "app/cards/card_detail_dialog.h"
#include "app/widgets/plain_text.h"

#include "app/boards/open_board.h"
#include "app/widgets/message_box.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

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
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    auto *details = new QWidget(tabs);
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
    // Enter adds the item and stays here for the next one; it never reaches the dialog's
    // default button (that would save and close the card).
    m_checklistInput->installEventFilter(this);
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
    // The @mention picker: one row per member (names may repeat; the row carries the id). The
    // completer pops up for the text after the last '@' before the cursor.
    m_mentionModel = new QStandardItemModel(this);
    for (const BoardMember &p : board->members()) {
        auto *item = new QStandardItem(QLatin1Char('@') + p.displayName);
        item->setData(p.userId, Qt::UserRole);
        item->setToolTip(plainToolTip(p.displayName));
        m_mentionModel->appendRow(item);
    }
    m_mentions = new QCompleter(m_mentionModel, this);
    m_mentions->setWidget(m_commentInput); // without a widget complete() crashes
    m_mentions->setCaseSensitivity(Qt::CaseInsensitive);
    m_mentions->setCompletionMode(QCompleter::PopupCompletion);
    m_mentions->popup()->setObjectName(QStringLiteral("mentionPopup"));
    connect(m_commentInput, &QLineEdit::textEdited, this, &CardDetailDialog::updateMentionPopup);
    connect(m_mentions, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        &CardDetailDialog::onMentionPicked);
    m_commentInput->installEventFilter(this);
    cm->addWidget(m_comments);
    cm->addWidget(m_commentInput);
    tabs->addTab(commentsPage, tr("Comments"));

    m_activity = new QListWidget(tabs);
    m_activity->setAccessibleName(tr("Activity"));
    tabs->addTab(m_activity, tr("Activity"));

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
    m_backend->boardActivity(
        this, board->boardId(), [this](const Outcome<QList<ActivityEntry>> &r) {
            if (!r.ok())
                return;
            for (const ActivityEntry &e : *r.value)
                m_activity->addItem(
                    tr("%1 — %2 %3")
                        .arg(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat),
                            e.actorName, e.summary.isEmpty() ? e.action : e.summary));
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
    m_backend->listComments(this, m_cardId, [this](const Outcome<QList<Comment>> &result) {
        if (result.ok())
            showComments(*result.value);
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
    // Unsaved edits stay in the form (also while they are being saved); saving them then meets
    // the newer version (412).
    if (patchFromForm().isEmpty())
        showCard(detail.card);
    m_filling = true;
    m_checklist->clear();
    for (const ChecklistItem &item : detail.checklist) {
        auto *w = new QListWidgetItem(item.text, m_checklist);
        w->setData(Qt::UserRole, item.id);
        w->setCheckState(item.done ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
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
            m_card = *r.value;
            Q_EMIT cardSaved(*r.value);
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
    return !patchFromForm().isEmpty() || !m_commentInput->text().trimmed().isEmpty()
        || !m_checklistInput->text().trimmed().isEmpty();
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
    if (!m_checklistInput->text().trimmed().isEmpty())
        addChecklistItem();
    if (!m_commentInput->text().trimmed().isEmpty())
        addComment();
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

bool CardDetailDialog::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_commentInput || watched == m_checklistInput)
        && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (watched == m_commentInput)
                addComment();
            else
                addChecklistItem();
            return true; // handled here: the dialog's default button never sees it
        }
    }
    return QDialog::eventFilter(watched, event);
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
                const client::CardPatch mine = patchFromForm();
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

void CardDetailDialog::updateMentionPopup()
{
    const QString text = m_commentInput->text().left(m_commentInput->cursorPosition());
    const int at = text.lastIndexOf(QLatin1Char('@'));
    if (at < 0 || (at > 0 && text.at(at - 1).isLetterOrNumber())) { // not a mention (e-mail)
        m_mentions->popup()->hide();
        return;
    }
    m_mentions->setCompletionPrefix(text.mid(at));
    if (m_mentions->completionCount() == 0) {
        m_mentions->popup()->hide();
        return;
    }
    m_mentions->complete();
}

void CardDetailDialog::onMentionPicked(const QModelIndex &index)
{
    const QString handle = index.data(Qt::DisplayRole).toString();
    const QString id = index.data(Qt::UserRole).toString();
    const QString text = m_commentInput->text();
    const int cursor = m_commentInput->cursorPosition();
    const int at = text.left(cursor).lastIndexOf(QLatin1Char('@'));
    if (at < 0 || id.isEmpty())
        return;
    const QString before = text.left(at) + handle + QLatin1Char(' ');
    m_commentInput->setText(before + text.mid(cursor).trimmed());
    m_commentInput->setCursorPosition(int(before.size()));
    m_picked.insert(handle, id);
}

QStringList CardDetailDialog::mentionIdsIn(const QString &body) const
{
    QStringList ids;
    QList<QPair<int, int>> covered; // [start, end) of picked handles
    for (auto it = m_picked.begin(); it != m_picked.end(); ++it) {
        for (int at = int(body.indexOf(it.key())); at >= 0;
             at = int(body.indexOf(it.key(), at + 1))) {
            const int end = at + int(it.key().size());
            if (end < body.size() && body.at(end).isLetterOrNumber())
                continue;
            covered.append({at, end});
            if (!ids.contains(it.value()))
                ids << it.value();
        }
    }
    const QList<BoardMember> members = m_board->members();
    for (int at = int(body.indexOf(QLatin1Char('@'))); at >= 0;
         at = int(body.indexOf(QLatin1Char('@'), at + 1))) {
        const bool picked = std::any_of(covered.begin(), covered.end(),
            [at](const QPair<int, int> &r) { return r.first == at; });
        if (picked || (at > 0 && body.at(at - 1).isLetterOrNumber()))
            continue;
        const BoardMember *best = nullptr;
        for (const BoardMember &p : members) {
            const int end = at + 1 + int(p.displayName.size());
            if (p.displayName.isEmpty() || end > body.size()
                || body.mid(at + 1, p.displayName.size())
                        .compare(p.displayName, Qt::CaseInsensitive)
                    != 0
                || (end < body.size() && body.at(end).isLetterOrNumber()))
                continue;
            if (!best || p.displayName.size() > best->displayName.size())
                best = &p;
        }
        if (best && !ids.contains(best->userId))
            ids << best->userId;
    }
    return ids;
}

void CardDetailDialog::addComment()
{
    const QString body = m_commentInput->text().trimmed();
    if (body.isEmpty())
        return;
    const QStringList mentions = mentionIdsIn(body);
    m_commentInput->setReadOnly(true);
    ++m_pendingWrites;
    m_backend->addComment(this, m_cardId, body, mentions, [this](const Outcome<Comment> &r) {
        m_commentInput->setReadOnly(false);
        if (!r.ok()) {
            // The text stays in the field to send again.
            m_status->setText(r.error.isOffline()
                    ? tr("Comment not sent: the board server cannot be reached. Your text is "
                         "kept; press Enter to try again.")
                    : tr("Comment not sent: %1")
                          .arg(r.error.fieldErrors.value(QStringLiteral("body"), r.error.message)));
            m_status->setVisible(true);
            writeFinished(false);
            return;
        }
        m_commentInput->clear();
        m_picked.clear();
        m_commentInput->setFocus();
        load();
        writeFinished(true);
    });
}

void CardDetailDialog::addChecklistItem()
{
    const QString text = m_checklistInput->text().trimmed();
    if (text.isEmpty())
        return;
    m_checklistInput->clear();
    ++m_pendingWrites;
    m_backend->addChecklistItem(
        this, m_cardId, text, [this, text](const Outcome<ChecklistItem> &r) {
            if (!r.ok()) {
                if (m_checklistInput->text().isEmpty())
                    m_checklistInput->setText(text);
                m_status->setText(r.error.isOffline()
                        ? tr("Item not added: the board server cannot be reached. Your text "
                             "is kept.")
                        : tr("Item not added: %1")
                              .arg(r.error.fieldErrors.value(
                                  QStringLiteral("text"), r.error.message)));
                m_status->setVisible(true);
                writeFinished(false);
                return;
            }
            load();
            writeFinished(true);
        });
}

void CardDetailDialog::showComments(const QList<Comment> &comments)
{
    m_comments->clear();
    for (const Comment &c : comments) {
        const BoardMember author = m_board->lookup().people.value(c.authorId);
        const QString name = author.displayName.isEmpty() ? tr("Someone") : author.displayName;
        m_comments->addItem(tr("%1: %2").arg(name, c.body));
    }
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

} // namespace corkboard::ui
