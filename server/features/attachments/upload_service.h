#pragma once

#include "server/features/attachments/attachment_repository.h"
#include "server/features/attachments/attachment_service.h"
#include "server/features/attachments/url_signer.h"
#include "server/http/upload_stream.h"

#include <optional>

namespace corkboard {

//! Resumable uploads (the tus 1.0 protocol's rules, without its HTTP): create with a declared
//! length (size and quota refused before a byte is stored), append at the recorded offset, report
//! the offset, terminate, and turn a finished upload into an attachment. Only the user who
//! created an upload sees it.
class UploadService
{
public:
    UploadService(ServiceDeps deps, AttachmentService &attachments, UrlSigner &signer)
        : m_deps(deps)
        , m_attachments(attachments)
        , m_signer(signer)
    {
    }

    PendingUpload create(const QString &userId, qint64 length, const QString &cardId,
        const QString &filename, const QString &metadata);
    PendingUpload find(const QString &userId, const QString &uploadId);
    //! Before appended bytes arrive: the offset must be the recorded one (409 otherwise) and only
    //! one request appends to an upload at a time. Call finishAppend afterwards, always.
    UploadTarget prepareAppend(
        const QString &userId, const QString &uploadId, qint64 offset, qint64 declaredBytes);
    //! Records what arrived. With `checksum` (raw SHA-256 of the request's bytes) a cut-off or
    //! mismatching request keeps nothing (460 on mismatch); without, a cut-off request keeps what
    //! arrived. Returns the upload as it is now.
    PendingUpload finishAppend(const QString &userId, const QString &uploadId,
        const UploadResult &result, const std::optional<QByteArray> &checksum);
    void terminate(const QString &userId, const QString &uploadId);
    //! A short-lived URL of the upload (its owner only) that appends to it and reports its offset
    //! without the user's token: HMAC over "PATCH", the path, the expiry and the upload id.
    SignedUrl signUrl(const QString &userId, const QString &uploadId);
    //! Whose upload a signed URL reaches (its owner's id); one 403 for every bad, altered or
    //! expired URL and for an upload that is gone.
    QString signedOwner(const QString &uploadId, const QString &path, const QString &expires,
        const QByteArray &signature);
    //! A finished upload becomes an attachment of `cardId` (the card it was created for).
    Attachment attach(const QString &userId, const QString &cardId, const QString &uploadId,
        const QString &filename);
    //! Removes expired uploads (rows and files); returns how many (worker job).
    static int removeExpired(Database &db, const QDateTime &now, const QString &stagingDir);

    QString filePath(const QString &uploadId) const;

private:
    ServiceDeps m_deps;
    AttachmentService &m_attachments;
    UrlSigner &m_signer;
};

} // namespace corkboard
