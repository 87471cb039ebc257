#include "app/boards/labels_dialog.h"

#include "app/boards/open_board.h"
#include "app/shell/backend.h"
#include "app/widgets/message_box.h"
#include "app/widgets/plain_text.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {
QIcon swatch(const QString &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(color));
    p.drawRoundedRect(QRectF(1, 1, 14, 14), 3, 3);
    return QIcon(pixmap);
}
} // namespace

QList<QPair<QString, QString>> LabelsDialog::palette()
{
    // Label colours are the board's data (stored on the server), not the window's palette.
    return {{tr("Red"), QStringLiteral("#e5484d")}, {tr("Orange"), QStringLiteral("#f76b15")},
        {tr("Yellow"), QStringLiteral("#ffc53d")}, {tr("Green"), QStringLiteral("#30a46c")},
        {tr("Blue"), QStringLiteral("#0090ff")}, {tr("Purple"), QStringLiteral("#8e4ec6")},
        {tr("Grey"), QStringLiteral("#8b8d98")}};
}

LabelsDialog::LabelsDialog(Backend *backend, OpenBoard *board, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_board(board)
{
    setObjectName(QStringLiteral("labels"));
    setWindowTitle(tr("Labels of “%1”").arg(board->boardName()));
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("labelList"));
    m_list->setAccessibleName(tr("Labels"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &LabelsDialog::showMenu);
    layout->addWidget(m_list, 1);

    auto *row = new QHBoxLayout;
    m_new = new QPushButton(tr("&New label…"), this);
    m_new->setObjectName(QStringLiteral("newLabel"));
    m_rename = new QPushButton(tr("&Rename…"), this);
    m_rename->setObjectName(QStringLiteral("renameLabel"));
    m_colour = new QPushButton(tr("C&olour"), this);
    m_colour->setObjectName(QStringLiteral("labelColour"));
    m_colour->setAccessibleName(tr("Colour of the selected label"));
    auto *colours = new QMenu(m_colour);
    colours->setObjectName(QStringLiteral("colourMenu"));
    fillColourMenu(colours);
    m_colour->setMenu(colours);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteLabel"));
    for (QPushButton *b : {m_new, m_rename, m_colour, m_delete}) {
        b->setAutoDefault(false);
        row->addWidget(b);
    }
    row->addStretch(1);
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("labelsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_new, &QPushButton::clicked, this, &LabelsDialog::createLabel);
    connect(m_rename, &QPushButton::clicked, this, &LabelsDialog::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &LabelsDialog::deleteSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int current) {
        for (QPushButton *b : {m_rename, m_colour, m_delete})
            b->setEnabled(current >= 0);
    });
    connect(m_board, &OpenBoard::labelsChanged, this, &LabelsDialog::rebuild);
    rebuild();
    resize(420, 360);
}

void LabelsDialog::fillColourMenu(QMenu *menu)
{
    for (const auto &[name, color] : palette()) {
        QAction *a = menu->addAction(
            swatch(color), name, this, [this, color = color] { recolourSelected(color); });
        a->setData(color);
    }
}

void LabelsDialog::rebuild()
{
    const QString current = selectedId();
    QList<Label> labels = m_board->labels();
    std::sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    m_list->clear();
    for (const Label &l : labels) {
        auto *item = new QListWidgetItem(swatch(l.color), l.name, m_list);
        item->setData(Qt::UserRole, l.id);
        QString colourName = l.color;
        for (const auto &[name, color] : palette()) {
            if (color.compare(l.color, Qt::CaseInsensitive) == 0)
                colourName = name;
        }
        item->setData(Qt::AccessibleTextRole, tr("%1, %2").arg(l.name, colourName));
        item->setToolTip(plainToolTip(l.name));
        if (l.id == current)
            m_list->setCurrentItem(item);
    }
    if (labels.isEmpty())
        m_status->setText(tr("This board has no labels yet. “New label…” makes one."));
    for (QPushButton *b : {m_rename, m_colour, m_delete})
        b->setEnabled(m_list->currentRow() >= 0);
}

QString LabelsDialog::selectedId() const
{
    const QListWidgetItem *item = m_list ? m_list->currentItem() : nullptr;
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void LabelsDialog::report(const QString &message)
{
    m_status->setText(message);
}

void LabelsDialog::createLabel()
{
    auto *input = new QInputDialog(this);
    input->setObjectName(QStringLiteral("newLabelName"));
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("New label"));
    input->setLabelText(tr("Name:"));
    connect(input, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString name = text.trimmed();
        if (name.isEmpty())
            return;
        const QString color = palette().at(int(m_board->labels().size() % palette().size())).second;
        m_backend->createLabel(
            this, m_board->boardId(), name, color, [this](const Outcome<Label> &r) {
                if (!r.ok()) {
                    report(tr("The label was not created: %1").arg(r.error.message));
                    return;
                }
                report(QString());
                m_board->labelChanged(*r.value);
                for (int i = 0; i < m_list->count(); ++i) {
                    if (m_list->item(i)->data(Qt::UserRole).toString() == r.value->id)
                        m_list->setCurrentRow(i);
                }
            });
    });
    input->open();
}

void LabelsDialog::renameSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    auto *input = new QInputDialog(this);
    input->setObjectName(QStringLiteral("renameLabelName"));
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("Rename label"));
    input->setLabelText(tr("Name:"));
    input->setTextValue(m_board->lookup().labels.value(id).name);
    connect(input, &QInputDialog::textValueSelected, this, [this, id](const QString &text) {
        const QString name = text.trimmed();
        if (name.isEmpty())
            return;
        m_backend->updateLabel(this, id, name, std::nullopt, [this](const Outcome<Label> &r) {
            if (!r.ok()) {
                report(tr("The label was not renamed: %1").arg(r.error.message));
                return;
            }
            report(QString());
            m_board->labelChanged(*r.value);
        });
    });
    input->open();
}

void LabelsDialog::recolourSelected(const QString &color)
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_backend->updateLabel(this, id, std::nullopt, color, [this](const Outcome<Label> &r) {
        if (!r.ok()) {
            report(tr("The colour was not changed: %1").arg(r.error.message));
            return;
        }
        report(QString());
        m_board->labelChanged(*r.value);
    });
}

void LabelsDialog::deleteSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const QString name = m_board->lookup().labels.value(id).name;
    int cards = 0;
    for (int row = 0; row < m_board->columns()->rowCount(); ++row) {
        if (CardModel *model = m_board->cardsOf(m_board->columns()->columnAt(row)->id)) {
            for (const Card &c : model->cards())
                cards += c.labelIds.contains(id) ? 1 : 0;
        }
    }
    MessageBox::ask(this, tr("Delete label"),
        cards > 0
            ? tr("Delete the label “%1”? It is taken off %n card(s).", nullptr, cards).arg(name)
            : tr("Delete the label “%1”?").arg(name),
        QString(),
        {{ConfirmDelete, tr("&Delete"), QMessageBox::DestructiveRole},
            {CancelDelete, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<LabelsDialog>(this), id](int choice) {
            if (!self || choice != ConfirmDelete)
                return;
            self->m_backend->deleteLabel(self, id, [self, id](const Outcome<Nothing> &r) {
                if (!r.ok()) {
                    self->report(tr("The label was not deleted: %1").arg(r.error.message));
                    return;
                }
                self->report(QString());
                self->m_board->labelRemoved(id);
            });
        });
}

void LabelsDialog::showMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_list->itemAt(pos);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("labelMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("&New label…"), this, &LabelsDialog::createLabel);
    if (item) {
        m_list->setCurrentItem(item);
        menu->addAction(tr("&Rename…"), this, &LabelsDialog::renameSelected);
        fillColourMenu(menu->addMenu(tr("C&olour")));
        menu->addSeparator();
        menu->addAction(tr("&Delete…"), this, &LabelsDialog::deleteSelected);
    }
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}

} // namespace corkboard::ui
