#pragma once

#include "server/features/attachments/attachment_repository.h"
#include "server/features/events/mutation.h"
#include "shared/dto/attachment.h"

#include <QIODevice>
#include <memory>

namespace corkboard {

class BlobStore;
class UrlSigner;

//! The size rules of attachments (from the Config).
struct AttachmentLimits
{
    qint64 multipartMax = 10ll * 1024 * 1024;
    qint64 uploadMax = 1024ll * 1024 * 1024;
    qint64 boardQuota = 0; //!< 0: none
    qint64 expiryMs = 24ll * 3600 * 1000;
    int signedUrlSeconds = 300;
};

//! Attachments: viewers list and download (through signed URLs), editors add and delete their
//! own, owners delete any. Bytes go to the blob store; rows, events and quota here.
class AttachmentService
{
public:
    AttachmentService(
        ServiceDeps deps, BlobStore &store, UrlSigner &signer, AttachmentLimits limits)
        : m_deps(deps)
        , m_store(store)
        , m_signer(signer)
        , m_limits(limits)
    {
    }

    //! Before a file's bytes arrive: may `userId` attach to `cardId`, and does the board have room
    //! for `declaredBytes`? Returns a fresh staging path for the bytes.
    QString prepareAdd(const QString &userId, const QString &cardId, qint64 declaredBytes);
    //! Turns a received file into an attachment; the staged file is consumed (stored or removed)
    //! either way. `reservedBytes`: quota already counted for it (a finished resumable upload,
    //! whose row `uploadId` is removed in the same transaction).
    Attachment addStaged(const QString &userId, const QString &cardId, const QString &stagedPath,
        qint64 size, const QByteArray &sha256, const QString &filename, qint64 reservedBytes = 0,
        const QString &uploadId = QString());
    Attachment get(const QString &userId, const QString &attachmentId);
    QList<Attachment> list(const QString &userId, const QString &cardId);
    void remove(const QString &userId, const QString &attachmentId);
    SignedUrl signUrl(const QString &userId, const QString &attachmentId);

    struct Download
    {
        Attachment attachment;
        std::unique_ptr<QIODevice> content;
        qint64 size = 0;
        QString contentType;
        QString etag; //!< the content's SHA-256
        bool inlineImage = false;
    };
    //! The content (or thumbnail) a signed URL names; 403 when the signature is wrong or expired.
    Download openSigned(const QString &attachmentId, bool thumbnail, const QString &path,
        const QString &expires, const QByteArray &signature);

    //! A file name safe to store and to put in Content-Disposition: the last path component,
    //! no control characters, at most 255 characters; refused (422) when nothing is left.
    static QString cleanFilename(const QString &name);
    //! Image types the window shows inline and the worker makes thumbnails of.
    static bool isImageType(const QString &contentType);
    //! The type of the content in `path`, from its bytes (never from the client).
    static QString sniffType(const QString &path);

    const AttachmentLimits &limits() const { return m_limits; }
    QString stagingDir() const;
    //! 413 when `more` bytes would take the board past its quota (pending uploads counted).
    void checkQuota(const QString &boardId, qint64 more);

private:
    ServiceDeps m_deps;
    BlobStore &m_store;
    UrlSigner &m_signer;
    AttachmentLimits m_limits;
};

} // namespace corkboard
