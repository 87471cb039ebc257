#include "app/cards/upload_status.h"

#include "app/cards/attachment_transfers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace corkboard::ui {

UploadStatus::UploadStatus(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("uploadStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(160);
    m_bar->setAccessibleName(tr("Upload progress"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel uploads"));
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        for (const auto &upload : std::as_const(m_uploads)) {
            if (upload)
                upload->cancel();
        }
    });
    hide();
}

void UploadStatus::setTransfers(AttachmentTransfers *transfers)
{
    if (m_transfers)
        m_transfers->disconnect(this);
    m_transfers = transfers;
    m_uploads.clear();
    if (!transfers) {
        refresh();
        return;
    }
    connect(transfers, &AttachmentTransfers::uploadStarted, this,
        [this](client::AttachmentUpload *upload) {
            m_uploads.append(upload);
            connect(upload, &client::AttachmentUpload::progress, this, &UploadStatus::refresh);
            connect(upload, &QObject::destroyed, this, &UploadStatus::refresh);
            refresh();
        });
    connect(transfers, &AttachmentTransfers::uploadFinished, this,
        [this](const QString &, const Attachment &a) {
            Q_EMIT message(tr("“%1” attached.").arg(a.filename));
            refresh();
        });
    connect(transfers, &AttachmentTransfers::uploadFailed, this,
        [this](const QString &, const QString &name, const QString &why) {
            Q_EMIT message(tr("“%1” was not attached: %2").arg(name, why));
            refresh();
        });
}

void UploadStatus::refresh()
{
    qint64 sent = 0;
    qint64 total = 0;
    int running = 0;
    for (const auto &upload : std::as_const(m_uploads)) {
        if (!upload || upload->isFinished())
            continue;
        ++running;
        sent += upload->sent();
        total += upload->total();
    }
    m_uploads.removeIf([](const auto &u) { return !u || u->isFinished(); });
    setVisible(running > 0);
    if (running == 0)
        return;
    m_label->setText(tr("Uploading %n file(s)…", nullptr, running));
    m_bar->setValue(total > 0 ? int(sent * 1000 / total) : 0);
}

} // namespace corkboard::ui
