#pragma once

#include "shared/client/api_decode.h"
#include "shared/client/attachment_upload.h"
#include "shared/dto/attachment.h"

#include <QPointer>
#include <QSaveFile>

namespace corkboard::client {

//! One attachment's bytes on their way to a local file: a signed URL first (no token in the
//! download), then the body streamed into the file as it arrives (QSaveFile: the file appears
//! only when complete).
class AttachmentDownload : public QObject
{
    Q_OBJECT
public:
    AttachmentDownload(ApiClient &api, const QString &attachmentId, const QString &targetPath,
        QObject *parent = nullptr);
    ~AttachmentDownload() override;
    void start();
    void cancel();
    QString targetPath() const { return m_target; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const QString &path);
    void failed(const corkboard::client::ApiError &error);
    void cancelled();

private:
    void fetch(const QString &url);
    ApiClient &m_api;
    QString m_attachmentId;
    QString m_target;
    QSaveFile m_file;
    QPointer<QNetworkReply> m_reply;
    bool m_cancelled = false;
};

//! Typed calls for card attachments. The list comes with the card (CardsApi::card); uploads and
//! downloads are objects with progress and cancel (AttachmentUpload, AttachmentDownload).
class AttachmentsApi
{
public:
    explicit AttachmentsApi(ApiClient &client, UploadResumeStore store = {},
        AttachmentUpload::Options uploadOptions = {})
        : m_client(client)
        , m_store(std::move(store))
        , m_uploadOptions(std::move(uploadOptions))
    {
    }

    ApiClient &client() const { return m_client; }
    QFuture<ApiResult<QList<Attachment>>> list(const QString &cardId);
    //! POST /attachments/{id}/url: a short-lived URL that needs no token.
    QFuture<ApiResult<SignedUrl>> signedUrl(const QString &attachmentId);
    //! The signed URL made absolute (what the system's viewer is handed).
    QUrl absolute(const QString &signedPath) const;
    QFuture<ApiResult<NoContent>> remove(const QString &attachmentId);
    //! The thumbnail's PNG bytes (a few KiB; fails when the thumbnail is not ready).
    QFuture<ApiResult<QByteArray>> thumbnail(const QString &attachmentId);

    //! A new upload (not started: connect, then start()). Owned by `parent`.
    AttachmentUpload *upload(const QString &cardId, const QString &filePath,
        const QString &filename = {}, QObject *parent = nullptr) const;
    //! Uploads this account left unfinished on this server (after a restart).
    QList<UnfinishedUpload> unfinished() const;
    //! Continues one of them from the server's offset (not started).
    AttachmentUpload *resume(const UnfinishedUpload &upload, QObject *parent = nullptr) const;
    //! Forgets a remembered upload without continuing it (the server expires it).
    void forget(const UnfinishedUpload &upload) const { m_store.remove(upload.uploadId); }

    AttachmentDownload *download(
        const QString &attachmentId, const QString &targetPath, QObject *parent = nullptr) const;

private:
    ApiClient &m_client;
    UploadResumeStore m_store;
    AttachmentUpload::Options m_uploadOptions;
};

} // namespace corkboard::client
