#pragma once

#include "server/features/attachments/upload_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;

//! The tus 1.0 resumable-upload protocol under /api/v1/uploads (core, creation,
//! creation-with-upload, expiration, checksum with sha256, termination), so unmodified tus clients
//! work. Appended bytes are streamed by the connection guard straight into the upload's file.
class UploadController
{
public:
    UploadController(UploadService &uploads, qint64 maxSize)
        : m_uploads(uploads)
        , m_maxSize(maxSize)
    {
    }
    void registerRoutes(Router &router);

    Response options(const Request &request);
    UploadTarget prepareCreate(Request &request);
    Response create(const Request &request);
    Response head(const Request &request);
    UploadTarget prepareAppend(Request &request);
    Response append(const Request &request);
    Response terminate(const Request &request);
    Response signUrl(const Request &request);

    //! Upload-Metadata ("key base64,key base64,…") as a map; throws 400 when malformed.
    static QHash<QString, QString> parseMetadata(const QByteArray &header);

private:
    Response withTus(Response r) const;
    //! After a streamed body: records it (Upload-Checksum checked) and releases the upload.
    PendingUpload finishAppend(const Request &request, const QString &uploadId);
    Response progress(int status, const PendingUpload &u) const;

    UploadService &m_uploads;
    qint64 m_maxSize;
};

} // namespace corkboard
