#pragma once

#include "shared/dto/attachment.h"

#include <QPointer>
#include <QUndoCommand>
#include <functional>
#include <memory>

namespace corkboard::ui {

class AttachmentTransfers;

//! Deleting an attachment as one step of the board's undo stack. The bytes were copied to the
//! private cache before (`keptPath`), so undo attaches that copy to the card again (a new
//! attachment with the same name and content); redo deletes whichever attachment is current.
class RemoveAttachmentCommand : public QUndoCommand
{
public:
    using Report = std::function<void(const QString &message)>;

    RemoveAttachmentCommand(AttachmentTransfers *transfers, const Attachment &attachment,
        const QString &keptPath, Report report);
    ~RemoveAttachmentCommand() override { *m_alive = false; }

    void redo() override;
    void undo() override;

private:
    void remove(const QString &attachmentId);

    QPointer<AttachmentTransfers> m_transfers;
    Attachment m_original;
    QString m_kept;
    Report m_report;
    QString m_current; //!< the attachment on the card now (empty while deleted)
    bool m_removeWhenBack = false; //!< redo came while undo's upload was on its way
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace corkboard::ui
