#include "app/admin/backups_panel.h"

#include "shared/client/transfer_api.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

BackupsPanel::BackupsPanel(client::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
{
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setAccessibleName(tr("Backups"));
    m_table->setHorizontalHeaderLabels({tr("Made"), tr("Kind"), tr("Size"), tr("File")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    m_backUpNow = new QPushButton(tr("&Back up now"), this);
    row->addWidget(m_backUpNow);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText); // server messages and file names
    m_status->setWordWrap(true);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    connect(m_backUpNow, &QPushButton::clicked, this, [this] {
        if (!m_api)
            return;
        m_backUpNow->setEnabled(false);
        m_status->setText(tr("Backing up…"));
        client::TransferApi(*m_api).createBackup().then(
            this, [this](const client::ApiResult<BackupInfo> &r) {
                m_backUpNow->setEnabled(true);
                m_status->setText(r.isOk()
                        ? tr("Backup %1 written and verified.").arg(r.value().name)
                        : r.error().detail);
                reload();
            });
    });
    reload();
}

void BackupsPanel::reload()
{
    if (!m_api)
        return;
    client::TransferApi(*m_api).backups().then(
        this, [this](const client::ApiResult<QList<BackupInfo>> &r) {
            if (!r.isOk()) {
                m_status->setText(r.error().detail);
                return;
            }
            m_table->setRowCount(0);
            const QLocale locale;
            for (const auto &b : r.value()) {
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                m_table->setItem(row, 0,
                    new QTableWidgetItem(
                        locale.toString(b.createdAt.toLocalTime(), QLocale::ShortFormat)));
                m_table->setItem(row, 1, new QTableWidgetItem(b.kind));
                m_table->setItem(
                    row, 2, new QTableWidgetItem(locale.formattedDataSize(b.sizeBytes)));
                m_table->setItem(row, 3, new QTableWidgetItem(b.name));
            }
        });
}

} // namespace corkboard::ui
