#include "app/cards/comments_panel.h"

#include "app/boards/open_board.h"
#include "app/cards/markdown_delegate.h"
#include "app/cards/text_edit_dialog.h"
#include "app/widgets/message_box.h"
#include "app/widgets/plain_text.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace corkboard::ui {

CommentsPanel::CommentsPanel(
    Backend *backend, OpenBoard *board, const QString &cardId, QWidget *parent)
    : CardPanel(backend, board, cardId, parent)
{
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true); // one comment per band (palette colours)
    m_list->setSpacing(2);
    // Bodies are Markdown (bold, lists, code, links), drawn by Qt's parser; HTML stays text.
    m_list->setItemDelegate(new MarkdownDelegate(BodyRole, m_list));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Comments"));
    m_list->setObjectName(QStringLiteral("comments"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->installEventFilter(this);
    connect(m_list, &QWidget::customContextMenuRequested, this, &CommentsPanel::showMenu);
    connect(m_list, &QListWidget::itemDoubleClicked, this,
        [this](QListWidgetItem *item) { editComment(m_list->row(item)); });
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("commentInput"));
    m_input->setPlaceholderText(tr("Write a comment — type @ to mention someone"));
    m_input->setAccessibleName(tr("New comment"));
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
    m_mentions->setWidget(m_input); // without a widget complete() crashes
    m_mentions->setCaseSensitivity(Qt::CaseInsensitive);
    m_mentions->setCompletionMode(QCompleter::PopupCompletion);
    m_mentions->popup()->setObjectName(QStringLiteral("mentionPopup"));
    connect(m_input, &QLineEdit::textEdited, this, &CommentsPanel::updateMentionPopup);
    connect(m_mentions, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        &CommentsPanel::onMentionPicked);
    m_input->installEventFilter(this);
    layout->addWidget(m_list);
    layout->addWidget(m_input);
}

QString CommentsPanel::title() const
{
    return tr("Comments");
}

void CommentsPanel::load()
{
    m_backend->listComments(this, m_cardId, [this](const Outcome<QList<Comment>> &result) {
        if (result.ok())
            showComments(*result.value);
    });
}

bool CommentsPanel::hasUnsavedWork() const
{
    return !m_input->text().trimmed().isEmpty();
}

void CommentsPanel::flush()
{
    if (hasUnsavedWork())
        addComment();
}

bool CommentsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return CardPanel::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (watched == m_input && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        addComment();
        return true; // handled here: the dialog's default button never sees it
    }
    if (watched == m_list && m_list->currentRow() >= 0) {
        if (key == Qt::Key_F2) {
            editComment(m_list->currentRow());
            return true;
        }
        if (key == Qt::Key_Delete) {
            deleteComment(m_list->currentRow());
            return true;
        }
    }
    return CardPanel::eventFilter(watched, event);
}

void CommentsPanel::updateMentionPopup()
{
    const QString text = m_input->text().left(m_input->cursorPosition());
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

void CommentsPanel::onMentionPicked(const QModelIndex &index)
{
    const QString handle = index.data(Qt::DisplayRole).toString();
    const QString id = index.data(Qt::UserRole).toString();
    const QString text = m_input->text();
    const int cursor = m_input->cursorPosition();
    const int at = text.left(cursor).lastIndexOf(QLatin1Char('@'));
    if (at < 0 || id.isEmpty())
        return;
    const QString before = text.left(at) + handle + QLatin1Char(' ');
    m_input->setText(before + text.mid(cursor).trimmed());
    m_input->setCursorPosition(int(before.size()));
    m_picked.insert(handle, id);
}

QStringList CommentsPanel::mentionIdsIn(const QString &body) const
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

void CommentsPanel::addComment()
{
    const QString body = m_input->text().trimmed();
    if (body.isEmpty())
        return;
    const QStringList mentions = mentionIdsIn(body);
    m_input->setReadOnly(true);
    Q_EMIT writeStarted();
    m_backend->addComment(this, m_cardId, body, mentions, [this](const Outcome<Comment> &r) {
        m_input->setReadOnly(false);
        if (!r.ok()) {
            // The text stays in the field to send again.
            Q_EMIT statusMessage(r.error.isOffline()
                    ? tr("Comment not sent: the board server cannot be reached. Your text is "
                         "kept; press Enter to try again.")
                    : tr("Comment not sent: %1")
                          .arg(r.error.fieldErrors.value(QStringLiteral("body"), r.error.message)));
            Q_EMIT writeFinished(false);
            return;
        }
        m_input->clear();
        m_picked.clear();
        m_input->setFocus();
        Q_EMIT cardChanged();
        Q_EMIT writeFinished(true);
    });
}

void CommentsPanel::showComments(const QList<Comment> &comments)
{
    const QString current
        = m_list->currentItem() ? m_list->currentItem()->data(IdRole).toString() : QString();
    m_list->clear();
    for (const Comment &c : comments) {
        const BoardMember author = m_board->lookup().people.value(c.authorId);
        const QString name = author.displayName.isEmpty() ? tr("Someone") : author.displayName;
        const QString when = QLocale().toString(c.createdAt.toLocalTime(), QLocale::ShortFormat);
        const bool edited = c.updatedAt.isValid() && c.updatedAt > c.createdAt;
        // Who and when above what they wrote.
        const QString header
            = edited ? tr("%1 · %2 (edited)").arg(name, when) : tr("%1 · %2").arg(name, when);
        auto *item = new QListWidgetItem(header + QLatin1Char('\n') + c.body, m_list);
        item->setData(IdRole, c.id);
        item->setData(AuthorRole, c.authorId);
        item->setData(BodyRole, c.body);
        item->setToolTip(plainToolTip(c.body));
        if (c.id == current)
            m_list->setCurrentItem(item);
    }
}

void CommentsPanel::focusInput()
{
    m_input->setFocus(Qt::TabFocusReason);
}

bool CommentsPanel::canEdit(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    const auto me = m_backend->account();
    return item && me && item->data(AuthorRole).toString() == me->id;
}

bool CommentsPanel::canDelete(int row) const
{
    const auto me = m_backend->account();
    return canEdit(row)
        || (m_list->item(row) && me
            && m_board->lookup().people.value(me->id).role == QLatin1String("owner"));
}

void CommentsPanel::editComment(int row)
{
    if (!canEdit(row))
        return;
    const QString id = m_list->item(row)->data(IdRole).toString();
    const QString before = m_list->item(row)->data(BodyRole).toString();
    auto *editor = new TextEditDialog(tr("Edit comment"), before, this);
    editor->setObjectName(QStringLiteral("editComment"));
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &TextEditDialog::submitted, this,
        [this, id, before, editor = QPointer<TextEditDialog>(editor)](const QString &body) {
            Q_EMIT writeStarted();
            m_backend->editComment(
                this, id, body, [this, id, before, editor](const Outcome<Comment> &r) {
                    if (!r.ok()) {
                        const QString why = r.error.isOffline()
                            ? tr(
                                "Not saved: the board server cannot be reached. Your text is kept.")
                            : r.error.fieldErrors.value(QStringLiteral("body"), r.error.message);
                        if (editor)
                            editor->refused(why);
                        Q_EMIT writeFinished(false);
                        return;
                    }
                    if (editor)
                        editor->finished();
                    if (before != r.value->body)
                        Q_EMIT textEdited(
                            {TextEditStep::CommentBody, m_cardId, id, before, r.value->body});
                    load();
                    Q_EMIT writeFinished(true);
                });
        });
    editor->open();
}

void CommentsPanel::deleteComment(int row)
{
    if (!canDelete(row))
        return;
    const QString id = m_list->item(row)->data(IdRole).toString();
    MessageBox::ask(this, tr("Delete comment"), tr("Delete this comment? This cannot be undone."),
        m_list->item(row)->data(BodyRole).toString(),
        {{ConfirmDelete, tr("&Delete"), QMessageBox::DestructiveRole},
            {CancelDelete, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<CommentsPanel>(this), id](int choice) {
            if (!self || choice != ConfirmDelete)
                return;
            Q_EMIT self->writeStarted();
            self->m_backend->deleteComment(self, id, [self](const Outcome<Nothing> &r) {
                if (!r.ok()) {
                    Q_EMIT self->statusMessage(tr("Comment not deleted: %1").arg(r.error.message));
                    Q_EMIT self->writeFinished(false);
                    return;
                }
                self->load();
                Q_EMIT self->writeFinished(true);
            });
        });
}

void CommentsPanel::showMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    m_list->setCurrentItem(item);
    const int row = m_list->row(item);
    if (!canEdit(row) && !canDelete(row))
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("commentMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (canEdit(row))
        menu->addAction(tr("&Edit…"), this, [this, row] { editComment(row); })
            ->setShortcut(QKeySequence(Qt::Key_F2));
    if (canDelete(row))
        menu->addAction(tr("&Delete…"), this, [this, row] { deleteComment(row); })
            ->setShortcut(QKeySequence::Delete);
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}

} // namespace corkboard::ui
