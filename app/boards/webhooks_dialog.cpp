#include "app/boards/webhooks_dialog.h"

#include "app/widgets/message_box.h"
#include "shared/dto/webhook.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {
QTableWidget *table(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setAccessibleName(name);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        t->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setTextElideMode(Qt::ElideMiddle);
    return t;
}

QTableWidgetItem *cell(const QString &text, const QString &tip = QString())
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(tip.isEmpty() ? text : tip);
    return item;
}
} // namespace

QStringList WebhooksDialog::eventTypes()
{
    return webhookEventTypes();
}

WebhooksDialog::WebhooksDialog(Backend *backend, const QString &boardId, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_boardId(boardId)
{
    setObjectName(QStringLiteral("webhooks"));
    setWindowTitle(tr("Webhooks"));
    auto *layout = new QVBoxLayout(this);

    m_hooks = table({tr("URL"), tr("Events"), tr("State")}, tr("Webhooks"), this);
    m_hooks->setObjectName(QStringLiteral("hooks"));
    layout->addWidget(m_hooks, 1);
    auto *row = new QHBoxLayout;
    m_showDeliveries = new QPushButton(tr("Recent &deliveries"), this);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setAccessibleName(tr("Delete webhook"));
    row->addWidget(m_showDeliveries);
    row->addWidget(m_delete);
    row->addStretch(1);
    layout->addLayout(row);
    connect(m_showDeliveries, &QPushButton::clicked, this, &WebhooksDialog::showDeliveries);
    connect(m_delete, &QPushButton::clicked, this, &WebhooksDialog::askDelete);
    connect(m_hooks, &QTableWidget::itemSelectionChanged, this, &WebhooksDialog::updateButtons);

    m_deliveries = table({tr("Last answer"), tr("Event"), tr("State"), tr("Attempts"), tr("When")},
        tr("Recent deliveries"), this);
    m_deliveries->setObjectName(QStringLiteral("deliveries"));
    m_deliveries->setVisible(false);
    layout->addWidget(m_deliveries, 1);

    auto *addBox = new QGroupBox(tr("New webhook"), this);
    auto *form = new QFormLayout(addBox);
    m_url = new QLineEdit(addBox);
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://"));
    m_events = new QListWidget(addBox);
    m_events->setObjectName(QStringLiteral("webhookEvents"));
    for (const QString &type : eventTypes()) {
        auto *item = new QListWidgetItem(type, m_events);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_events->setMaximumHeight(120);
    m_errors.addRow(form, tr("&URL:"), m_url, QStringLiteral("url"));
    m_errors.addRow(form, tr("&Events (none ticked: all):"), m_events, QStringLiteral("events"));
    m_add = new QPushButton(tr("&Add webhook"), addBox);
    form->addRow(m_add);
    connect(m_add, &QPushButton::clicked, this, &WebhooksDialog::add);
    connect(m_url, &QLineEdit::returnPressed, this, &WebhooksDialog::add);
    m_secretBox = new QWidget(addBox);
    auto *secretRow = new QHBoxLayout(m_secretBox);
    secretRow->setContentsMargins(0, 0, 0, 0);
    m_secret = new QLabel(m_secretBox);
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setTextFormat(Qt::PlainText);
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secret->setAccessibleName(tr("Secret of the new webhook"));
    m_copySecret = new QPushButton(tr("&Copy secret"), m_secretBox);
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_copySecret);
    m_secretBox->setVisible(false);
    form->addRow(tr("Secret (shown only now):"), m_secretBox);
    connect(m_copySecret, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_secret->text());
        m_status->setText(tr("Secret copied to the clipboard."));
    });
    layout->addWidget(addBox);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("webhooksStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 620);
    updateButtons();
    reload();
}

QString WebhooksDialog::selectedId() const
{
    const auto rows = m_hooks->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return QString();
    return m_hooks->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

void WebhooksDialog::updateButtons()
{
    const bool any = !selectedId().isEmpty();
    m_delete->setEnabled(any);
    m_showDeliveries->setEnabled(any);
}

void WebhooksDialog::reload()
{
    m_backend->listWebhooks(this, m_boardId, [this](const Outcome<QList<Webhook>> &r) {
        if (!r.ok()) {
            m_status->setText(tr("Could not load the webhooks: %1").arg(r.error.message));
            return;
        }
        m_hooks->setRowCount(0);
        for (const Webhook &w : *r.value) {
            const int row = m_hooks->rowCount();
            m_hooks->insertRow(row);
            auto *url = cell(w.url);
            url->setData(Qt::UserRole, w.id);
            m_hooks->setItem(row, 0, url);
            m_hooks->setItem(row, 1,
                cell(w.events.isEmpty() ? tr("All events") : w.events.join(QStringLiteral(", "))));
            m_hooks->setItem(row, 2,
                w.paused ? cell(tr("Paused"),
                    tr("Nothing is sent: the person who added it is no longer an owner "
                       "of this board."))
                         : cell(tr("Active")));
        }
        if (r.value->isEmpty())
            m_status->setText(tr("No webhooks yet. Add one below to have the server call a URL "
                                 "when this board changes."));
        updateButtons();
    });
}

void WebhooksDialog::add()
{
    QStringList events;
    for (int i = 0; i < m_events->count(); ++i) {
        if (m_events->item(i)->checkState() == Qt::Checked)
            events << m_events->item(i)->text();
    }
    m_errors.clear();
    m_add->setEnabled(false);
    m_backend->createWebhook(
        this, m_boardId, m_url->text().trimmed(), events, [this](const Outcome<Webhook> &r) {
            m_add->setEnabled(true);
            if (!r.ok()) {
                m_errors.show(r.error);
                if (r.error.fieldErrors.isEmpty())
                    m_status->setText(r.error.message);
                return;
            }
            m_url->clear();
            for (int i = 0; i < m_events->count(); ++i)
                m_events->item(i)->setCheckState(Qt::Unchecked);
            m_secret->setText(r.value->secret);
            m_secretBox->setVisible(true);
            m_status->setText(tr("Webhook added. Copy its secret now: it is not shown again."));
            reload();
        });
}

void WebhooksDialog::askDelete()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const QString url = m_hooks->item(m_hooks->currentRow(), 0)->text();
    MessageBox::ask(this, tr("Delete webhook"),
        tr("Delete the webhook to %1? The server stops calling it.").arg(url), QString(),
        {{ConfirmDelete, tr("&Delete"), QMessageBox::DestructiveRole},
            {CancelDelete, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<WebhooksDialog>(this), id](int choice) {
            if (!self || choice != ConfirmDelete)
                return;
            self->m_backend->deleteWebhook(self, id, [self](const Outcome<Nothing> &r) {
                if (!self)
                    return;
                if (!r.ok()) {
                    self->m_status->setText(
                        tr("Could not delete the webhook: %1").arg(r.error.message));
                    return;
                }
                self->m_status->setText(tr("Webhook deleted."));
                self->m_deliveries->setVisible(false);
                self->reload();
            });
        });
}

void WebhooksDialog::showDeliveries()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_backend->webhookDeliveries(this, id, [this](const Outcome<QList<WebhookDelivery>> &r) {
        if (!r.ok()) {
            m_status->setText(tr("Could not load the deliveries: %1").arg(r.error.message));
            return;
        }
        m_deliveries->setRowCount(0);
        for (const WebhookDelivery &d : *r.value) {
            const int row = m_deliveries->rowCount();
            m_deliveries->insertRow(row);
            QString answer = d.lastStatus ? tr("HTTP %1").arg(*d.lastStatus) : QString();
            if (!d.lastError.isEmpty())
                answer = answer.isEmpty() ? d.lastError : tr("%1: %2").arg(answer, d.lastError);
            m_deliveries->setItem(row, 0, cell(answer));
            m_deliveries->setItem(row, 1, cell(d.eventType));
            const QString state = d.state == QLatin1String("delivered") ? tr("Delivered")
                : d.state == QLatin1String("failed")                    ? tr("Failed")
                                                                        : tr("Pending");
            m_deliveries->setItem(row, 2, cell(state));
            m_deliveries->setItem(row, 3, cell(QString::number(d.attempts)));
            m_deliveries->setItem(
                row, 4, cell(QLocale().toString(d.createdAt.toLocalTime(), QLocale::ShortFormat)));
        }
        m_deliveries->setVisible(true);
        m_status->setText(r.value->isEmpty()
                ? tr("Nothing has been sent to this webhook yet.")
                : tr("%n recent delivery(s).", nullptr, int(r.value->size())));
    });
}

} // namespace corkboard::ui
