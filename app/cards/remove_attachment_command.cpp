#include "app/cards/remove_attachment_command.h"

#include "app/cards/attachment_transfers.h"
#include "shared/client/error_presenter.h"

#include <QCoreApplication>

namespace corkboard::ui {

RemoveAttachmentCommand::RemoveAttachmentCommand(AttachmentTransfers *transfers,
    const Attachment &attachment, const QString &keptPath, Report report)
    : m_transfers(transfers)
    , m_original(attachment)
    , m_kept(keptPath)
    , m_report(std::move(report))
    , m_current(attachment.id)
{
    setText(QCoreApplication::translate("RemoveAttachmentCommand", "Delete “%1”")
                .arg(attachment.filename));
}

void RemoveAttachmentCommand::redo()
{
    if (m_current.isEmpty()) {
        m_removeWhenBack = true; // undo's upload is still going: delete it once it is there
        return;
    }
    remove(std::exchange(m_current, QString()));
}

void RemoveAttachmentCommand::remove(const QString &attachmentId)
{
    if (!m_transfers)
        return;
    const Report report = m_report;
    const QString name = m_original.filename;
    m_transfers->api()
        .remove(attachmentId)
        .then(m_transfers.data(), [report, name](const client::ApiResult<client::NoContent> &r) {
            if (!r && report)
                report(QCoreApplication::translate(
                    "RemoveAttachmentCommand", "“%1” could not be deleted: %2")
                           .arg(name, client::ErrorPresenter::message(r.error())));
        });
}

void RemoveAttachmentCommand::undo()
{
    m_removeWhenBack = false;
    if (!m_transfers)
        return;
    auto *upload = m_transfers->upload(m_original.cardId, m_kept, m_original.filename);
    auto alive = m_alive;
    QObject::connect(upload, &client::AttachmentUpload::finished, m_transfers.data(),
        [this, alive](const Attachment &a) {
            if (!*alive)
                return;
            m_current = a.id;
            if (std::exchange(m_removeWhenBack, false))
                redo();
        });
}

} // namespace corkboard::ui
