#include "app/boards/my_work_dialog.h"

#include "app/widgets/plain_text.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {
enum TreeColumn
{
    TitleColumn,
    BoardColumn,
    DueColumn
};
constexpr int kBoardIdRole = Qt::UserRole;
constexpr int kCardIdRole = Qt::UserRole + 1;

//! Sorts overdue and dated cards by their date, undated ones last, then by title.
class WorkItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    QDateTime due;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const auto &o = static_cast<const WorkItem &>(other);
        if (due.isValid() != o.due.isValid())
            return due.isValid();
        if (due != o.due)
            return due < o.due;
        return QString::localeAwareCompare(text(TitleColumn), o.text(TitleColumn)) < 0;
    }
};
} // namespace

MyWorkDialog::MyWorkDialog(Backend *backend, const QString &myUserId, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_me(myUserId)
{
    setObjectName(QStringLiteral("myWork"));
    setWindowTitle(tr("My work"));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Looking through your boards…"), this);
    m_status->setObjectName(QStringLiteral("myWorkStatus"));
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("myWorkList"));
    m_list->setAccessibleName(tr("Cards assigned to me"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Card"), tr("Board"), tr("Due")});
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->setSortingEnabled(false);
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT openCardRequested(item->data(TitleColumn, kBoardIdRole).toString(),
            item->data(TitleColumn, kCardIdRole).toString());
        accept();
    });
    resize(640, 420);

    m_backend->listBoards(this, [this](const Outcome<QList<Board>> &boards) {
        m_listed = true;
        if (!boards.ok()) {
            m_status->setText(boards.error.message);
            return;
        }
        m_pending = int(boards.value->size());
        if (m_pending == 0)
            finishOne();
        for (const Board &b : *boards.value) {
            m_backend->loadBoard(this, b.id, [this](const Outcome<BoardSnapshot> &r) {
                if (r.ok())
                    addBoard(*r.value);
                else
                    ++m_failed;
                --m_pending;
                finishOne();
            });
        }
    });
}

void MyWorkDialog::addBoard(const BoardSnapshot &snapshot)
{
    QHash<QString, QString> columns;
    for (const Column &c : snapshot.columns)
        columns.insert(c.id, c.name);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Card &card : snapshot.cards) {
        if (card.archived || !card.assigneeIds.contains(m_me))
            continue;
        auto *item = new WorkItem();
        item->due = card.dueAt;
        item->setText(TitleColumn, card.title);
        item->setToolTip(TitleColumn, plainToolTip(card.title));
        item->setText(
            BoardColumn, tr("%1 · %2").arg(snapshot.board.name, columns.value(card.columnId)));
        if (card.dueAt.isValid()) {
            const QString when = QLocale().toString(card.dueAt.toLocalTime(), QLocale::ShortFormat);
            item->setText(DueColumn, card.dueAt < now ? tr("%1 (overdue)").arg(when) : when);
        }
        item->setData(TitleColumn, kBoardIdRole, card.boardId);
        item->setData(TitleColumn, kCardIdRole, card.id);
        m_list->addTopLevelItem(item);
    }
}

void MyWorkDialog::finishOne()
{
    if (m_pending > 0)
        return;
    m_list->sortItems(TitleColumn, Qt::AscendingOrder);
    for (int c = BoardColumn; c <= DueColumn; ++c)
        m_list->resizeColumnToContents(c);
    QString text = m_list->topLevelItemCount() == 0
        ? tr("No cards are assigned to you.")
        : tr("Assigned to you: %1. Enter or a double-click opens a card.")
              .arg(m_list->topLevelItemCount());
    if (m_failed > 0)
        text += QLatin1Char(' ') + tr("Boards that could not be read: %1.").arg(m_failed);
    m_status->setText(text);
    if (m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
        m_list->setFocus();
    }
}

} // namespace corkboard::ui
