#include "app/boards/column_widget.h"

#include "app/boards/board_commands.h"
#include "app/boards/open_board.h"
#include "app/cards/card_delegate.h"
#include "app/widgets/plain_text.h"

#include <QApplication>
#include <QClipboard>
#include <QDrag>
#include <QDragEnterEvent>
#include <QGuiApplication>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QPointer>
#include <QShortcut>
#include <QUrl>
#include <QVBoxLayout>

namespace corkboard::ui {

ColumnWidget::ColumnWidget(OpenBoard *controller, BoardCommands *commands, const QString &columnId,
    CardDelegate *delegate, QWidget *parent)
    : QFrame(parent)
    , m_controller(controller)
    , m_commands(commands)
    , m_columnId(columnId)
    , m_model(controller->cardsOf(columnId))
{
    setObjectName(QStringLiteral("column_") + columnId);
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    setFixedWidth(kWidth);
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_header = new QWidget(this);
    m_header->setCursor(Qt::OpenHandCursor);
    m_header->setToolTip(tr("Drag to move the column"));
    m_header->installEventFilter(this);
    auto *headerLayout = new QHBoxLayout(m_header);
    headerLayout->setContentsMargins(2, 2, 2, 2);
    m_name = new QLabel(m_header);
    m_name->setTextFormat(Qt::PlainText);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_count = new QLabel(m_header);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setObjectName(QStringLiteral("columnCount"));
    headerLayout->addWidget(m_name, 1);
    headerLayout->addWidget(m_count);
    layout->addWidget(m_header);

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("cards"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(delegate);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(200);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSpacing(0);
    m_view->viewport()->setBackgroundRole(QPalette::AlternateBase);
    m_view->viewport()->installEventFilter(this); // files dropped on a card
    layout->addWidget(m_view, 1);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT cardActivated(index.data(CardModel::IdRole).toString());
    });

    m_addCard = new QLineEdit(this);
    m_addCard->setObjectName(QStringLiteral("addCard"));
    m_addCard->setPlaceholderText(tr("+ Add a card"));
    layout->addWidget(m_addCard);
    m_addError = new QLabel(this);
    m_addError->setObjectName(QStringLiteral("addCardError"));
    m_addError->setTextFormat(Qt::PlainText);
    m_addError->setWordWrap(true);
    QPalette errorPal = m_addError->palette();
    errorPal.setColor(QPalette::WindowText, CardDelegate::overdueColor());
    m_addError->setPalette(errorPal);
    m_addError->setVisible(false);
    layout->addWidget(m_addError);
    connect(m_addCard, &QLineEdit::returnPressed, this, [this] { submitNewCard(false); });
    m_addCard->installEventFilter(this); // Shift+Enter: at the top
    m_addCard->setToolTip(tr("Enter adds the card at the bottom, Shift+Enter at the top"));
    connect(m_addCard, &QLineEdit::textEdited, m_addError, &QLabel::hide);

    // Keyboard moves: the same optimistic move as a drag.
    auto shortcut = [this](const QKeySequence &keys, int dc, int dr) {
        auto *s = new QShortcut(keys, m_view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(s, &QShortcut::activated, this, [this, dc, dr] { moveSelected(dc, dr); });
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Right), 1, 0);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Left), -1, 0);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), 0, -1);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), 0, 1);
    if (m_commands) {
        // Delete archives; Shift+Delete deletes (both undoable).
        auto *archive
            = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(archive, &QShortcut::activated, this, [this] {
            if (const QString id = selectedCardId(); !id.isEmpty())
                m_commands->archiveCard(id);
        });
        auto *erase = new QShortcut(
            QKeySequence(Qt::SHIFT | Qt::Key_Delete), m_view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(erase, &QShortcut::activated, this, [this] {
            if (const QString id = selectedCardId(); !id.isEmpty())
                m_commands->deleteCard(id);
        });
        m_view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(m_view, &QWidget::customContextMenuRequested, this, &ColumnWidget::showCardMenu);
        m_header->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(
            m_header, &QWidget::customContextMenuRequested, this, &ColumnWidget::showColumnMenu);
    }

    auto refresh = [this] { refreshHeader(); };
    connect(controller->columns(), &QAbstractItemModel::dataChanged, this, refresh);
    refreshHeader();
}

void ColumnWidget::submitNewCard(bool atTop)
{
    const QString title = m_addCard->text();
    if (title.trimmed().isEmpty())
        return;
    // Cleared at once so the next title can be typed straight away; a refused one comes back.
    m_addCard->clear();
    m_addError->hide();
    QPointer<ColumnWidget> self(this);
    m_controller->addCard(
        m_columnId, title,
        [self, title](const UiError *error) {
            if (!self || !error)
                return;
            QString reason;
            if (error->isOffline())
                reason = tr("Not added: the board server cannot be reached. Your text is kept; "
                            "press Enter to try again.");
            else if (error->fieldErrors.contains(QStringLiteral("title")))
                reason = tr("Title: %1").arg(error->fieldErrors.value(QStringLiteral("title")));
            else
                reason = error->message;
            if (self->m_addCard->text().isEmpty()) {
                self->m_addCard->setText(title);
            } else {
                reason += QLatin1Char('\n') + tr("Not added: “%1”").arg(title);
            }
            self->m_addError->setText(reason);
            self->m_addError->setVisible(true);
            self->m_addCard->setAccessibleDescription(reason);
        },
        atTop);
}

void ColumnWidget::refreshHeader()
{
    ColumnModel *columns = m_controller->columns();
    const int row = columns->rowOf(m_columnId);
    if (row < 0)
        return;
    const Column *column = columns->columnAt(row);
    const int count = columns->cardCount(m_columnId);
    m_name->setText(column->name);
    const bool over = columns->isOverWip(m_columnId);
    const int limit = column->wipLimit.value_or(0);
    m_count->setText(limit > 0 ? tr("%1 / %2").arg(count).arg(limit) : QString::number(count));
    m_count->setToolTip(over ? tr("Over the work-in-progress limit of %1").arg(limit) : QString());
    QPalette pal = m_count->palette();
    pal.setColor(QPalette::WindowText,
        over ? CardDelegate::overdueColor() : palette().color(QPalette::WindowText));
    m_count->setPalette(pal);
    const QString accessible = columns->index(row).data(Qt::AccessibleTextRole).toString();
    setAccessibleName(accessible);
    m_view->setAccessibleName(tr("Cards in %1").arg(column->name));
    m_addCard->setAccessibleName(tr("Add a card to %1").arg(column->name));
}

bool ColumnWidget::focusCard(const QString &cardId, bool takeFocus)
{
    const int row = m_model->rowOf(cardId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    if (takeFocus)
        m_view->setFocus();
    return true;
}

QString ColumnWidget::selectedCardId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(CardModel::IdRole).toString() : QString();
}

void ColumnWidget::showCardMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    const QString cardId = index.data(CardModel::IdRole).toString();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("cardMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("&Open"), this, [this, cardId] { Q_EMIT cardActivated(cardId); });
    QMenu *moveTo = menu->addMenu(tr("&Move to"));
    ColumnModel *columns = m_controller->columns();
    for (int row = 0; row < columns->rowCount(); ++row) {
        const Column *column = columns->columnAt(row);
        moveTo->addAction(tr("Top of “%1”").arg(plainActionText(column->name)), this,
            [this, cardId, id = column->id] {
                m_commands->moveCard(cardId, id, 0);
                Q_EMIT focusCardRequested(cardId);
            });
        moveTo->addAction(tr("Bottom of “%1”").arg(plainActionText(column->name)), this,
            [this, cardId, id = column->id] {
                CardModel *target = m_controller->cardsOf(id);
                m_commands->moveCard(cardId, id, target ? target->rowCount() : 0);
                Q_EMIT focusCardRequested(cardId);
            });
    }
    // A link another Corkboard window opens (pasted into File ▸ Open link, or clicked).
    menu->addAction(tr("Copy &link"), this, [this, cardId] { Q_EMIT copyLinkRequested(cardId); });
    // The id is what the API, the command line and another person's "find" understand.
    menu->addAction(
        tr("Copy card &ID"), this, [cardId] { QGuiApplication::clipboard()->setText(cardId); });
    menu->addSeparator();
    QAction *archive = menu->addAction(
        tr("&Archive"), this, [this, cardId] { m_commands->archiveCard(cardId); });
    archive->setShortcut(QKeySequence::Delete);
    QAction *erase
        = menu->addAction(tr("&Delete"), this, [this, cardId] { m_commands->deleteCard(cardId); });
    erase->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void ColumnWidget::showColumnMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("columnMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    ColumnModel *columns = m_controller->columns();
    const int row = columns->rowOf(m_columnId);
    const Column *column = columns->columnAt(row);
    if (!column)
        return;
    menu->addAction(tr("Add a card at the &top…"), this, [this] {
        auto *input = new QInputDialog(this);
        input->setObjectName(QStringLiteral("addCardAtTop"));
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setWindowTitle(tr("Add a card at the top"));
        input->setLabelText(tr("Title:"));
        connect(input, &QInputDialog::textValueSelected, this, [this](const QString &title) {
            const QString typed = m_addCard->text(); // what the field holds stays there
            m_addCard->setText(title);
            submitNewCard(true);
            if (m_addCard->text().isEmpty())
                m_addCard->setText(typed);
        });
        input->open();
    });
    menu->addAction(tr("&Rename…"), this, [this, name = column->name] {
        auto *input = new QInputDialog(this);
        input->setObjectName(QStringLiteral("renameColumn"));
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setWindowTitle(tr("Rename column"));
        input->setLabelText(tr("Name:"));
        input->setTextValue(name);
        connect(input, &QInputDialog::textValueSelected, this,
            [this](const QString &text) { m_commands->renameColumn(m_columnId, text); });
        input->open();
    });
    menu->addAction(tr("&WIP limit…"), this, [this, limit = column->wipLimit.value_or(0)] {
        auto *input = new QInputDialog(this);
        input->setObjectName(QStringLiteral("wipLimit"));
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setInputMode(QInputDialog::IntInput);
        input->setWindowTitle(tr("Work-in-progress limit"));
        input->setLabelText(tr("At most this many cards (0: no limit):"));
        input->setIntRange(0, 999);
        input->setIntValue(limit);
        connect(input, &QInputDialog::intValueSelected, this,
            [this](int value) { m_commands->setWipLimit(m_columnId, value); });
        input->open();
    });
    QAction *left = menu->addAction(
        tr("Move &left"), this, [this, row] { m_controller->moveColumn(m_columnId, row - 1); });
    left->setEnabled(row > 0);
    QAction *right = menu->addAction(
        tr("Move &right"), this, [this, row] { m_controller->moveColumn(m_columnId, row + 2); });
    right->setEnabled(row + 1 < columns->rowCount());
    menu->addSeparator();
    menu->addAction(tr("&Delete…"), this, [this] { m_commands->deleteColumn(m_columnId); });
    menu->popup(m_header->mapToGlobal(pos));
}

void ColumnWidget::moveSelected(int columnDelta, int rowDelta)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString cardId = current.data(CardModel::IdRole).toString();
    if (columnDelta != 0) {
        const int target = m_controller->columns()->rowOf(m_columnId) + columnDelta;
        const Column *column = m_controller->columns()->columnAt(target);
        if (column) {
            m_controller->requestMove(cardId, column->id, 0);
            Q_EMIT focusCardRequested(cardId);
        }
        return;
    }
    const int row = current.row() + rowDelta;
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_controller->requestMove(cardId, m_columnId, rowDelta > 0 ? row + 1 : row);
    m_view->setCurrentIndex(m_model->index(m_model->rowOf(cardId)));
}

namespace {
QStringList droppedFiles(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls() || mime->hasFormat(kCardMimeType))
        return out;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            out << url.toLocalFile();
    }
    return out;
}
} // namespace

bool ColumnWidget::fileDragEvent(QEvent *event)
{
    const auto type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return false;
    auto *drop = static_cast<QDropEvent *>(event);
    const QStringList files = droppedFiles(drop->mimeData());
    if (files.isEmpty())
        return false;
    const QModelIndex index = m_view->indexAt(drop->position().toPoint());
    if (!index.isValid()) {
        drop->ignore(); // between cards: nothing to attach to
        return true;
    }
    if (type == QEvent::Drop) {
        Q_EMIT filesDropped(index.data(CardModel::IdRole).toString(), files);
    } else {
        m_view->setCurrentIndex(index); // shows which card gets the files
    }
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    return true;
}

bool ColumnWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_addCard && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ShiftModifier)) {
            submitNewCard(true);
            return true;
        }
    }
    if (m_view && watched == m_view->viewport() && fileDragEvent(event))
        return true;
    if (watched == m_header) {
        if (event->type() == QEvent::MouseButtonPress) {
            m_pressPos = static_cast<QMouseEvent *>(event)->position().toPoint();
        } else if (event->type() == QEvent::MouseMove) {
            auto *me = static_cast<QMouseEvent *>(event);
            if ((me->buttons() & Qt::LeftButton)
                && (me->position().toPoint() - m_pressPos).manhattanLength()
                    >= QApplication::startDragDistance()) {
                ColumnModel *columns = m_controller->columns();
                const QModelIndex index = columns->index(columns->rowOf(m_columnId));
                auto *drag = new QDrag(this);
                drag->setMimeData(columns->mimeData({index}));
                drag->setPixmap(grab().scaledToWidth(kWidth / 2));
                drag->exec(Qt::MoveAction);
                return true;
            }
        }
    }
    return QFrame::eventFilter(watched, event);
}

void ColumnWidget::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(kColumnMimeType)
        || event->mimeData()->hasFormat(kCardMimeType))
        event->acceptProposedAction();
}

void ColumnWidget::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void ColumnWidget::dropEvent(QDropEvent *event)
{
    ColumnModel *columns = m_controller->columns();
    if (event->mimeData()->hasFormat(kColumnMimeType)) {
        // Left half: before this column; right half: after it.
        int row = columns->rowOf(m_columnId);
        if (event->position().x() > width() / 2)
            ++row;
        if (columns->dropMimeData(event->mimeData(), Qt::MoveAction, row, 0, QModelIndex()))
            event->acceptProposedAction();
        return;
    }
    // A card dropped on the header or the add field: to the end of this column.
    if (m_model->dropMimeData(
            event->mimeData(), Qt::MoveAction, m_model->rowCount(), 0, QModelIndex()))
        event->acceptProposedAction();
}

} // namespace corkboard::ui
