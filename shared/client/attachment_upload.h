#pragma once

#include "shared/client/api_error.h"
#include "shared/client/backoff.h"
#include "shared/client/upload_resume_store.h"
#include "shared/dto/attachment.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <memory>

class QNetworkReply;

namespace corkboard::client {

class ApiClient;

//! One file on its way to a card. Small files (up to `multipartMax`) go as one streamed
//! multipart POST; larger ones (or when the server answers 413) as a resumable tus 1.0 upload:
//! create, PATCH the file in chunks streamed from disk, then attach {upload_id, filename}. A tus
//! upload is remembered (UploadResumeStore) until it is attached or cancelled; when the network
//! goes away it asks the server's offset (HEAD) and continues from there, and after a restart
//! AttachmentsApi::resume() does the same. Never reads the whole file into memory; every step
//! is asynchronous.
class AttachmentUpload : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 multipartMax = 10ll * 1024 * 1024; //!< the server's CORKBOARD_UPLOAD_MULTIPART_MAX
        qint64 chunkBytes = 8ll * 1024 * 1024; //!< per PATCH
        int maxRetries = 5; //!< consecutive network failures before giving up (kept for resume)
        BackoffFn backoff = exponentialBackoff(500, 8000);
    };

    //! A new upload of `filePath` to `cardId` as `filename` (empty: the file's name).
    AttachmentUpload(ApiClient &api, UploadResumeStore store, const QString &cardId,
        const QString &filePath, const QString &filename, Options options,
        QObject *parent = nullptr);
    //! Continues a remembered tus upload (from the server's offset).
    AttachmentUpload(ApiClient &api, UploadResumeStore store, const UnfinishedUpload &unfinished,
        Options options, QObject *parent = nullptr);
    ~AttachmentUpload() override;

    void start();
    //! Stops sending; a tus upload is terminated on the server and forgotten here.
    void cancel();

    QString cardId() const { return m_cardId; }
    QString filePath() const { return m_filePath; }
    QString filename() const { return m_filename; }
    qint64 total() const { return m_size; }
    qint64 sent() const { return m_sent; }
    bool isResumable() const { return !m_uploadPath.isEmpty() || m_size > m_options.multipartMax; }
    QString uploadId() const { return m_record.uploadId; }
    bool isFinished() const { return m_done; }

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    //! The connection failed; the upload continues from the server's offset after a pause.
    void retrying(const corkboard::client::ApiError &why);
    void finished(const corkboard::Attachment &attachment);
    //! Given up (refused, or the network stayed away); a tus upload stays remembered.
    void failed(const corkboard::client::ApiError &error);
    void cancelled();

private:
    void withToken(std::function<void()> next);
    void sendMultipart();
    void createTus();
    void askOffset();
    void sendChunk();
    void attach();
    void onNetworkFailure(const ApiError &error, std::function<void()> again);
    void fail(const ApiError &error);
    void succeed(const Attachment &attachment);
    void setSent(qint64 sent);
    bool fileUnchanged() const;
    QNetworkReply *track(QNetworkReply *reply);
    QList<QPair<QByteArray, QByteArray>> tusHeaders() const;

    ApiClient &m_api;
    UploadResumeStore m_store;
    Options m_options;
    QString m_cardId;
    QString m_filePath;
    QString m_filename;
    qint64 m_size = 0;
    QDateTime m_modified;
    qint64 m_offset = 0; //!< what the server has (tus)
    qint64 m_sent = 0;
    QString m_uploadPath; //!< tus: "/api/v1/uploads/{id}" once created
    UnfinishedUpload m_record;
    QPointer<QNetworkReply> m_reply;
    int m_failures = 0;
    bool m_cancelled = false;
    bool m_done = false;
    bool m_restartedAfterExpiry = false;
};

} // namespace corkboard::client
