#pragma once

#include "shared/client/attachments_api.h"
#include "shared/dto/attachment.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>

namespace corkboard::ui {

//! The window's file transfers for one server session: uploads to cards (the open card dialog
//! and drops on the board share them, and they go on when the dialog closes), files kept in a
//! cache to open them with the system's application, and card thumbnails (memory and disk
//! cache). Everything is asynchronous; the window never waits for a byte.
class AttachmentTransfers : public QObject
{
    Q_OBJECT
public:
    AttachmentTransfers(
        client::ApiClient *api, client::UploadResumeStore store, QObject *parent = nullptr);
    ~AttachmentTransfers() override;

    client::AttachmentsApi &api() { return *m_api; }

    //! Starts an upload of `path` to the card as `name` (empty: the file's name). `temporary`:
    //! the file is removed once the upload has ended (a pasted image, an undo's kept copy).
    client::AttachmentUpload *upload(const QString &cardId, const QString &path,
        const QString &name = {}, bool temporary = false);
    //! Uploads in flight to one card (oldest first).
    QList<client::AttachmentUpload *> uploadsFor(const QString &cardId) const;
    //! Continues the uploads a previous run left unfinished (after signing in).
    void resumeUnfinished();

    //! The card-sized thumbnail, or a null image while it is fetched (thumbnailReady follows).
    QImage thumbnail(const QString &attachmentId);
    //! Where downloaded copies are kept (opened with the system's application).
    QString cacheDir() const { return m_cacheDir; }
    //! A private copy of the attachment (downloaded once, by content): `done(path, error)`.
    void fetchCopy(const Attachment &attachment, QObject *context,
        std::function<void(const QString &path, const QString &error)> done);

Q_SIGNALS:
    void uploadStarted(corkboard::client::AttachmentUpload *upload);
    void uploadFinished(const QString &cardId, const corkboard::Attachment &attachment);
    void uploadFailed(const QString &cardId, const QString &filename, const QString &message);
    void thumbnailReady(const QString &attachmentId);

private:
    void track(client::AttachmentUpload *upload, bool temporary);

    std::unique_ptr<client::AttachmentsApi> m_api;
    QList<QPointer<client::AttachmentUpload>> m_uploads;
    QHash<QString, QImage> m_thumbnails;
    QSet<QString> m_fetching;
    QString m_cacheDir;
};

} // namespace corkboard::ui
