#include "app/boards/boards_list.h"

#include "app/widgets/message_box.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace corkboard::ui {

BoardsList::BoardsList(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Your boards</h2>"), this);
    layout->addWidget(title);
    m_loading = new QLabel(tr("Loading boards…"), this);
    m_loading->setVisible(false);
    layout->addWidget(m_loading);

    m_empty = new QLabel(
        tr("No boards yet. Type a name below and press Enter to make your first board."), this);
    m_empty->setObjectName(QStringLiteral("noBoards"));
    m_empty->setWordWrap(true);
    m_empty->setVisible(false);
    layout->addWidget(m_empty);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("boardsView"));
    m_view->setAccessibleName(tr("Boards"));
    m_view->setModel(&m_model);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &BoardsList::updateEmptyHint);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &BoardsList::updateEmptyHint);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &BoardsList::updateEmptyHint);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_view, 1);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.data(BoardListModel::IdRole).toString());
    });

    auto *row = new QHBoxLayout;
    m_newName = new QLineEdit(this);
    m_newName->setObjectName(QStringLiteral("newBoardName"));
    m_newName->setPlaceholderText(tr("New board name"));
    m_newName->setAccessibleName(tr("New board name"));
    m_create = new QPushButton(tr("&Create board"), this);
    m_rename = new QPushButton(tr("&Rename…"), this);
    m_archive = new QPushButton(tr("&Archive"), this);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteBoard"));
    m_delete->setToolTip(tr("Delete the board with all its cards (owners; asks first)"));
    row->addWidget(m_newName, 1);
    row->addWidget(m_create);
    row->addWidget(m_rename);
    row->addWidget(m_archive);
    row->addWidget(m_delete);
    layout->addLayout(row);

    auto create = [this] { createBoard(m_newName->text()); };
    connect(m_create, &QPushButton::clicked, this, create);
    connect(m_newName, &QLineEdit::returnPressed, this, create);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        if (id.isEmpty())
            return;
        auto *input = new QInputDialog(this);
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setWindowTitle(tr("Rename board"));
        input->setLabelText(tr("Name:"));
        input->setTextValue(m_model.boardAt(m_model.rowOf(id))->name);
        connect(input, &QInputDialog::textValueSelected, this, &BoardsList::renameSelected);
        input->open();
    });
    connect(m_archive, &QPushButton::clicked, this, [this] {
        const Board *board = m_model.boardAt(m_model.rowOf(selectedId()));
        if (board)
            archiveSelected(!board->archived);
    });
    connect(m_delete, &QPushButton::clicked, this, &BoardsList::deleteSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        const Board *b = m_model.boardAt(m_model.rowOf(selectedId()));
        m_archive->setText(b && b->archived ? tr("Un&archive") : tr("&Archive"));
    });
}

QString BoardsList::selectedId() const
{
    return m_view->currentIndex().data(BoardListModel::IdRole).toString();
}

void BoardsList::reload()
{
    m_loading->setVisible(true);
    m_backend->listBoards(this, [this](const Outcome<QList<Board>> &result) {
        m_loading->setVisible(false);
        if (!result.ok()) {
            Q_EMIT message(result.error.message);
            return;
        }
        m_model.setBoards(*result.value);
        m_loaded = true;
        updateEmptyHint();
        if (m_model.rowCount() > 0 && !m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model.index(0));
    });
}

void BoardsList::updateEmptyHint()
{
    m_empty->setVisible(m_loaded && m_model.rowCount() == 0);
}

void BoardsList::createBoard(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        m_newName->setFocus();
        return;
    }
    m_create->setEnabled(false);
    m_backend->createBoard(this, name.trimmed(), [this](const Outcome<Board> &result) {
        m_create->setEnabled(true);
        if (!result.ok()) {
            Q_EMIT message(result.error.message);
            return;
        }
        m_newName->clear();
        m_model.upsert(*result.value);
        m_view->setCurrentIndex(m_model.index(m_model.rowOf(result.value->id)));
        Q_EMIT openRequested(result.value->id);
    });
}

void BoardsList::renameSelected(const QString &name)
{
    const QString id = selectedId();
    if (id.isEmpty() || name.trimmed().isEmpty())
        return;
    m_backend->updateBoard(
        this, id, name.trimmed(), std::nullopt, [this](const Outcome<Board> &result) {
            if (!result.ok()) {
                Q_EMIT message(result.error.message);
                return;
            }
            m_model.upsert(*result.value);
        });
}

void BoardsList::archiveSelected(bool archived)
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_backend->updateBoard(this, id, std::nullopt, archived, [this](const Outcome<Board> &result) {
        if (!result.ok()) {
            Q_EMIT message(result.error.message);
            return;
        }
        m_model.upsert(*result.value);
    });
}

void BoardsList::deleteSelected()
{
    const QString id = selectedId();
    const Board *board = m_model.boardAt(m_model.rowOf(id));
    if (!board)
        return;
    MessageBox::ask(this, tr("Delete board"),
        tr("Delete the board “%1” with all its columns, cards, comments and files, for everyone "
           "on it? This cannot be undone; archiving can.")
            .arg(board->name),
        QString(),
        {{ConfirmDelete, tr("&Delete"), QMessageBox::DestructiveRole},
            {CancelDelete, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<BoardsList>(this), id, name = board->name](int choice) {
            if (!self || choice != ConfirmDelete)
                return;
            self->m_backend->deleteBoard(self, id, [self, name](const Outcome<Nothing> &r) {
                if (!self)
                    return;
                if (!r.ok()) {
                    Q_EMIT self->message(tr("The board was not deleted: %1").arg(r.error.message));
                    return;
                }
                Q_EMIT self->message(tr("The board “%1” was deleted.").arg(name));
                self->reload();
            });
        });
}

} // namespace corkboard::ui
