#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace corkboard::client {
class AttachmentUpload;
}

namespace corkboard::ui {

class AttachmentTransfers;

//! The status bar's view of uploads (files dropped on a board's card go on without a dialog):
//! "Uploading 2 files…" with the overall progress and Cancel; hidden while nothing uploads.
class UploadStatus : public QWidget
{
    Q_OBJECT
public:
    explicit UploadStatus(QWidget *parent = nullptr);
    void setTransfers(AttachmentTransfers *transfers);
    QProgressBar *bar() const { return m_bar; }

Q_SIGNALS:
    void message(const QString &text);

private:
    void refresh();

    QPointer<AttachmentTransfers> m_transfers;
    QList<QPointer<client::AttachmentUpload>> m_uploads;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace corkboard::ui
