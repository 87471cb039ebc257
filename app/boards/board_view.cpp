#include "app/boards/board_view.h"
#include "app/widgets/initials.h"
#include "app/widgets/plain_text.h"

#include "app/boards/column_widget.h"
#include "app/boards/filter_bar.h"
#include "app/boards/open_board.h"
#include "app/cards/card_delegate.h"
#include "app/cards/card_model.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace corkboard::ui {

BoardView::BoardView(OpenBoard *controller, BoardCommands *commands, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_commands(commands)
    , m_delegate(new CardDelegate(this))
{
    m_delegate->setCardWidth(ColumnWidget::kWidth - 20);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *back = new QToolButton(this);
    back->setText(tr("← Boards"));
    back->setAccessibleName(tr("Back to the boards"));
    connect(back, &QToolButton::clicked, this, &BoardView::backRequested);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("boardTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_presence = new QLabel(this);
    m_presence->setTextFormat(Qt::PlainText);
    m_presence->setObjectName(QStringLiteral("presence"));
    m_presence->setAccessibleName(tr("Also on this board"));
    m_members = new QPushButton(tr("&Members…"), this);
    connect(m_members, &QPushButton::clicked, this, &BoardView::membersRequested);
    top->addWidget(back);
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_presence);
    top->addWidget(m_members);
    layout->addLayout(top);

    m_filterBar = new FilterBar(controller, this);
    layout->addWidget(m_filterBar);
    connect(m_filterBar, &FilterBar::filterChanged, this, qOverload<>(&BoardView::applyFilter));

    m_loading = new QLabel(tr("Loading the board…"), this);
    m_loading->setVisible(false);
    layout->addWidget(m_loading);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_strip = new QWidget(m_scroll);
    m_stripLayout = new QHBoxLayout(m_strip);
    m_stripLayout->setAlignment(Qt::AlignLeft);
    m_newColumn = new QLineEdit(m_strip);
    m_newColumn->setObjectName(QStringLiteral("addColumn"));
    m_newColumn->setPlaceholderText(tr("+ Add a column"));
    m_newColumn->setAccessibleName(tr("Add a column"));
    m_newColumn->setFixedWidth(ColumnWidget::kWidth - 60);
    connect(m_newColumn, &QLineEdit::returnPressed, this, [this] {
        m_controller->addColumn(m_newColumn->text());
        m_newColumn->clear();
    });
    m_stripLayout->addWidget(m_newColumn, 0, Qt::AlignTop);
    m_scroll->setWidget(m_strip);
    layout->addWidget(m_scroll, 1);

    connect(controller, &OpenBoard::columnsReset, this, &BoardView::rebuildColumns);
    connect(controller, &OpenBoard::boardRenamed, m_title, &QLabel::setText);
    connect(controller, &OpenBoard::loadingChanged, m_loading, &QLabel::setVisible);
    // A card just added shows, but the focus stays in "+ Add a card" for the next title.
    connect(controller, &OpenBoard::cardAdded, this, &BoardView::revealCard);
    rebuildColumns();
}

QList<ColumnWidget *> BoardView::columnWidgets() const
{
    QList<ColumnWidget *> list;
    for (int i = 0; i < m_stripLayout->count(); ++i) {
        if (auto *w = qobject_cast<ColumnWidget *>(m_stripLayout->itemAt(i)->widget()))
            list << w;
    }
    return list;
}

void BoardView::rebuildColumns()
{
    ColumnModel *columns = m_controller->columns();
    QHash<QString, ColumnWidget *> keep;
    for (int row = 0; row < columns->rowCount(); ++row) {
        const QString id = columns->columnAt(row)->id;
        ColumnWidget *w = m_columnWidgets.take(id);
        if (w && w->cardView()->model() != m_controller->cardsOf(id)) {
            delete w;
            w = nullptr;
        }
        if (!w) {
            w = new ColumnWidget(m_controller, m_commands, id, m_delegate, m_strip);
            connect(w, &ColumnWidget::cardActivated, this, &BoardView::cardActivated);
            connect(w, &ColumnWidget::filesDropped, this, &BoardView::filesDroppedOnCard);
            connect(w, &ColumnWidget::copyLinkRequested, this, &BoardView::copyLinkRequested);
            connect(w, &ColumnWidget::focusCardRequested, this, &BoardView::focusCard);
            // Cards that arrive, change or move are filtered as they come.
            QAbstractItemModel *model = w->cardView()->model();
            const auto refilter = [this, w = QPointer<ColumnWidget>(w)] {
                if (w)
                    applyFilter(w);
            };
            connect(model, &QAbstractItemModel::modelReset, w, refilter);
            connect(model, &QAbstractItemModel::layoutChanged, w, refilter);
            connect(model, &QAbstractItemModel::rowsInserted, w, refilter);
            connect(model, &QAbstractItemModel::rowsRemoved, w, refilter);
            connect(model, &QAbstractItemModel::rowsMoved, w, refilter);
            connect(model, &QAbstractItemModel::dataChanged, w, refilter);
            applyFilter(w);
        }
        keep.insert(id, w);
    }
    qDeleteAll(m_columnWidgets);
    m_columnWidgets = keep;
    // Re-lay out in model order, the add-column field last.
    for (int row = 0; row < columns->rowCount(); ++row) {
        ColumnWidget *w = m_columnWidgets.value(columns->columnAt(row)->id);
        m_stripLayout->removeWidget(w);
        m_stripLayout->insertWidget(row, w);
        w->refreshHeader();
    }
    m_title->setText(m_controller->boardName());
}

void BoardView::applyFilter()
{
    for (ColumnWidget *w : std::as_const(m_columnWidgets))
        applyFilter(w);
}

void BoardView::applyFilter(ColumnWidget *column)
{
    const BoardFilter filter = m_filterBar->filter();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QListView *view = column->cardView();
    const auto *model = qobject_cast<const CardModel *>(view->model());
    if (!model)
        return;
    for (int row = 0; row < model->rowCount(); ++row) {
        const Card *card = model->cardAt(row);
        view->setRowHidden(row, filter.isEmpty() || !card ? false : !filter.matches(*card, now));
    }
    updateCounts();
}

void BoardView::updateCounts()
{
    int shown = 0;
    int total = 0;
    for (ColumnWidget *w : std::as_const(m_columnWidgets)) {
        const QListView *view = w->cardView();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            ++total;
            shown += view->isRowHidden(row) ? 0 : 1;
        }
    }
    m_filterBar->setCounts(shown, total);
}

bool BoardView::focusCard(const QString &cardId)
{
    for (ColumnWidget *w : std::as_const(m_columnWidgets)) {
        if (w->focusCard(cardId)) {
            m_scroll->ensureWidgetVisible(w);
            return true;
        }
    }
    return false;
}

bool BoardView::revealCard(const QString &cardId)
{
    for (ColumnWidget *w : std::as_const(m_columnWidgets)) {
        if (w->focusCard(cardId, false)) {
            m_scroll->ensureWidgetVisible(w);
            return true;
        }
    }
    return false;
}

void BoardView::setPresence(const QStringList &displayNames)
{
    QStringList initials;
    for (const QString &name : displayNames)
        initials << initialsOf(name);
    m_presence->setText(displayNames.isEmpty()
            ? QString()
            : tr("Here: %1").arg(initials.join(QLatin1String(" · "))));
    m_presence->setToolTip(plainToolTip(displayNames.join(QLatin1String(", "))));
    m_presence->setAccessibleDescription(displayNames.join(QLatin1String(", ")));
}

} // namespace corkboard::ui
