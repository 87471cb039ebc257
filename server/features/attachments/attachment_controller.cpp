#include "server/features/attachments/attachment_controller.h"

#include "server/features/common/controller_util.h"
#include "server/features/common/field_reader.h"
#include "server/http/multipart_parser.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"

#include <QFile>
#include <QUrl>

namespace corkboard {

namespace {
AttachmentLimits limitsFrom(const Config &c)
{
    AttachmentLimits l;
    l.multipartMax = c.uploadMultipartMax;
    l.uploadMax = c.uploadMax;
    l.boardQuota = c.boardQuotaBytes;
    l.expiryMs = c.uploadExpiryMs;
    l.signedUrlSeconds = c.signedUrlSeconds;
    return l;
}

// Room for the multipart framing around the file (boundaries, part headers, a name field).
constexpr qint64 kMultipartOverhead = 64 * 1024;
} // namespace

std::optional<QPair<qint64, qint64>> byteRange(const QByteArray &header, qint64 size)
{
    if (header.isEmpty())
        return std::nullopt;
    const QByteArray h = header.trimmed();
    if (!h.startsWith("bytes=") || h.contains(','))
        return std::nullopt; // other units, several ranges: the whole body (RFC 9110 allows it)
    const QByteArray spec = h.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    bool okA = true;
    bool okB = true;
    const qint64 first = a.isEmpty() ? -1 : a.toLongLong(&okA);
    const qint64 last = b.isEmpty() ? -1 : b.toLongLong(&okB);
    if (!okA || !okB || (a.isEmpty() && b.isEmpty()) || first < -1 || last < -1)
        return std::nullopt;
    if (a.isEmpty()) { // the last `last` bytes
        if (last == 0 || size == 0)
            return QPair<qint64, qint64>(-1, -1);
        const qint64 n = std::min(last, size);
        return QPair<qint64, qint64>(size - n, size - 1);
    }
    if (first >= size || (last >= 0 && last < first))
        return QPair<qint64, qint64>(-1, -1);
    return QPair<qint64, qint64>(first, last < 0 ? size - 1 : std::min(last, size - 1));
}

QByteArray contentDisposition(const QString &filename, bool inlineImage)
{
    QByteArray ascii;
    for (const QChar c : filename) {
        const char16_t u = c.unicode();
        ascii.append(u >= 0x20 && u < 0x7f && u != '"' && u != '\\' && u != '%' ? char(u) : '_');
    }
    return QByteArray(inlineImage ? "inline" : "attachment") + "; filename=\"" + ascii
        + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(filename);
}

AttachmentController::AttachmentController(ThreadContext &context)
    : m_store(context.server.config.dataDir)
    , m_signer(context.db)
    , m_service(serviceDeps(context), m_store, m_signer, limitsFrom(context.server.config))
    , m_uploads(serviceDeps(context), m_service, m_signer)
{
}

void AttachmentController::registerRoutes(Router &router)
{
    RouteOptions create;
    create.body = BodyKind::Json;
    create.streamBody
        = [](const QByteArray &contentType) { return contentType == "multipart/form-data"; };
    create.prepareUpload = [this](Request &r) { return prepareMultipart(r); };
    create.maxStreamBytes = m_service.limits().multipartMax + kMultipartOverhead;
    create.tooLargeHint = QStringLiteral(
        "send larger files as a resumable upload (tus 1.0) to /api/v1/uploads, then attach it");
    router.add(
        "POST", QStringLiteral("/api/v1/cards/{id}/attachments"),
        [this](Request &r) { return this->create(r); }, create);
    router.add("GET", QStringLiteral("/api/v1/cards/{id}/attachments"),
        [this](Request &r) { return list(r); });
    router.add(
        "GET", QStringLiteral("/api/v1/attachments/{id}"), [this](Request &r) { return get(r); });
    router.add("DELETE", QStringLiteral("/api/v1/attachments/{id}"),
        [this](Request &r) { return remove(r); });
    router.add("POST", QStringLiteral("/api/v1/attachments/{id}/url"),
        [this](Request &r) { return signUrl(r); });
    RouteOptions signedUrl;
    signedUrl.auth = false; // the signature is the permission; no token in a hand-off URL
    router.add(
        "GET", QStringLiteral("/api/v1/attachments/{id}/content"),
        [this](Request &r) { return download(r, false); }, signedUrl);
    router.add(
        "GET", QStringLiteral("/api/v1/attachments/{id}/thumbnail"),
        [this](Request &r) { return download(r, true); }, signedUrl);
}

UploadTarget AttachmentController::prepareMultipart(Request &request)
{
    const QByteArray boundary = MultipartParser::boundaryOf(request.header("Content-Type"));
    if (boundary.isEmpty())
        throw AppError(ErrorCode::MalformedRequest,
            QStringLiteral("multipart/form-data needs a valid boundary parameter"));
    UploadTarget t;
    t.filePath = m_service.prepareAdd(request.user().userId, request.param(QStringLiteral("id")),
        request.header("Content-Length").toLongLong());
    t.multipartBoundary = boundary;
    t.maxContentBytes = m_service.limits().multipartMax;
    return t;
}

Response AttachmentController::create(const Request &request)
{
    const QString cardId = request.param(QStringLiteral("id"));
    if (request.upload) {
        const UploadResult &r = *request.upload;
        const QString staged = request.uploadTarget ? request.uploadTarget->filePath : QString();
        if (!r.complete) {
            QFile::remove(staged); // cut off or refused: nothing stays
            throw AppError(r.errorCode, r.error);
        }
        const QString name = r.fields.value(QStringLiteral("filename"), r.partFilename);
        return resourceResponse(201,
            m_service.addStaged(
                request.user().userId, cardId, staged, r.storedBytes, r.fileSha256, name));
    }
    FieldReader body(request.json, {"upload_id", "filename"});
    const auto uploadId = body.id("upload_id", true);
    const auto filename = body.text("filename", 1, 255, false);
    body.finish();
    return resourceResponse(201,
        m_uploads.attach(request.user().userId, cardId, *uploadId, filename.value_or(QString())));
}

Response AttachmentController::list(const Request &request)
{
    const QString userId = request.user().userId;
    const QString cardId = request.param(QStringLiteral("id"));
    return listResponse(m_service.list(userId, cardId), QString());
}

Response AttachmentController::get(const Request &request)
{
    return resourceResponse(
        200, m_service.get(request.user().userId, request.param(QStringLiteral("id"))));
}

Response AttachmentController::remove(const Request &request)
{
    m_service.remove(request.user().userId, request.param(QStringLiteral("id")));
    return Response::noContent();
}

Response AttachmentController::signUrl(const Request &request)
{
    return resourceResponse(
        200, m_service.signUrl(request.user().userId, request.param(QStringLiteral("id"))));
}

Response AttachmentController::download(const Request &request, bool thumbnail)
{
    auto d = m_service.openSigned(request.param(QStringLiteral("id")), thumbnail, request.path,
        request.queryValue(QStringLiteral("expires")),
        request.queryValue(QStringLiteral("sig")).toLatin1());
    const QByteArray etag = '"' + d.etag.toLatin1() + '"';
    Response r;
    r.contentType = d.contentType.toLatin1();
    r.withHeader("ETag", etag);
    r.withHeader("Accept-Ranges", "bytes");
    // The bytes are the content's (addressed by hash): cacheable for the link's short life.
    r.withHeader("Cache-Control", "private, max-age=300");
    r.withHeader("Content-Disposition",
        contentDisposition(
            thumbnail ? d.attachment.filename + QStringLiteral(".png") : d.attachment.filename,
            d.inlineImage));
    // Opened in a browser, nothing in the file may run or reach anything.
    r.withHeader("Content-Security-Policy", "sandbox");
    const QByteArray ifNoneMatch = request.header("If-None-Match");
    if (!ifNoneMatch.isEmpty() && (ifNoneMatch == etag || ifNoneMatch == "*")) {
        r.status = 304;
        r.contentType.clear();
        return r;
    }
    qint64 first = 0;
    qint64 length = d.size;
    r.status = 200;
    const QByteArray ifRange = request.header("If-Range");
    const auto range = ifRange.isEmpty() || ifRange == etag
        ? byteRange(request.header("Range"), d.size)
        : std::nullopt;
    if (range) {
        if (range->first < 0) {
            Response refused = Response::text(416, QByteArray(), QByteArray());
            refused.withHeader("Content-Range", "bytes */" + QByteArray::number(d.size));
            return refused;
        }
        first = range->first;
        length = range->second - range->first + 1;
        r.status = 206;
        r.withHeader("Content-Range",
            "bytes " + QByteArray::number(range->first) + '-' + QByteArray::number(range->second)
                + '/' + QByteArray::number(d.size));
    }
    r.file = std::shared_ptr<QIODevice>(d.content.release());
    r.fileOffset = first;
    r.fileLength = length;
    return r;
}

} // namespace corkboard
