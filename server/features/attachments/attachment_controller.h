#pragma once

#include "server/features/attachments/attachment_service.h"
#include "server/features/attachments/blob_store.h"
#include "server/features/attachments/upload_service.h"
#include "server/features/attachments/url_signer.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! POST /cards/{id}/attachments (multipart, streamed by the connection guard; or JSON naming a
//! finished resumable upload), GET /cards/{id}/attachments, GET|DELETE /attachments/{id},
//! POST /attachments/{id}/url, and the signed GET /attachments/{id}/content|thumbnail.
class AttachmentController
{
public:
    explicit AttachmentController(ThreadContext &context);
    void registerRoutes(Router &router);

    UploadTarget prepareMultipart(Request &request);
    Response create(const Request &request);
    Response list(const Request &request);
    Response get(const Request &request);
    Response remove(const Request &request);
    Response signUrl(const Request &request);
    Response download(const Request &request, bool thumbnail);

    UploadService &uploads() { return m_uploads; }

private:
    DiskBlobStore m_store;
    UrlSigner m_signer;
    AttachmentService m_service;
    UploadService m_uploads;
};

//! Where `Range: bytes=…` points in a body of `size` bytes: nullopt for the whole body (no
//! header, or one we do not serve such as several ranges), {-1, -1} when unsatisfiable.
std::optional<QPair<qint64, qint64>> byteRange(const QByteArray &header, qint64 size);
//! Content-Disposition for a stored file name: an ASCII fallback plus RFC 8187 filename*.
QByteArray contentDisposition(const QString &filename, bool inlineImage);

} // namespace corkboard
