#include "server/features/attachments/upload_controller.h"

#include "server/features/common/controller_util.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"
#include "shared/time_format.h"

#include <QLocale>

namespace corkboard {

namespace {
const QByteArray kVersion = QByteArrayLiteral("1.0.0");
const QByteArray kOctets = QByteArrayLiteral("application/offset+octet-stream");

void requireTus(const Request &request)
{
    if (request.header("Tus-Resumable") != kVersion)
        throw AppError(ErrorCode::PreconditionFailed,
            QStringLiteral("send Tus-Resumable: 1.0.0 (the only tus version served)"))
            .withExtra(QStringLiteral("tus_version"), QString::fromLatin1(kVersion));
}

qint64 headerNumber(const Request &request, const QByteArray &name)
{
    const QByteArray v = request.header(name);
    bool ok = !v.isEmpty() && v.size() <= 18;
    for (const char c : v)
        ok = ok && c >= '0' && c <= '9';
    if (!ok)
        throw AppError(ErrorCode::MalformedRequest,
            QStringLiteral("%1 must be a non-negative integer").arg(QString::fromLatin1(name)));
    return v.toLongLong();
}

// RFC 9110 IMF-fixdate, as tus's Upload-Expires uses.
QByteArray httpDate(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1()
        + " GMT";
}

std::optional<QByteArray> checksumOf(const Request &request)
{
    const QByteArray v = request.header("Upload-Checksum").trimmed();
    if (v.isEmpty())
        return std::nullopt;
    const qsizetype sp = v.indexOf(' ');
    if (sp < 0 || v.left(sp) != "sha256")
        throw AppError(ErrorCode::MalformedRequest,
            QStringLiteral("Upload-Checksum must be \"sha256 <base64>\" (the one algorithm "
                           "served)"));
    const auto decoded = QByteArray::fromBase64Encoding(
        v.mid(sp + 1).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok
        || decoded.decoded.size() != 32)
        throw AppError(ErrorCode::MalformedRequest,
            QStringLiteral("Upload-Checksum must hold 32 bytes of SHA-256 in base64"));
    return decoded.decoded;
}
} // namespace

QHash<QString, QString> UploadController::parseMetadata(const QByteArray &header)
{
    QHash<QString, QString> out;
    if (header.trimmed().isEmpty())
        return out;
    for (const QByteArray &pair : header.split(',')) {
        const QList<QByteArray> kv = pair.trimmed().split(' ');
        const QByteArray key = kv.value(0);
        bool ok = !key.isEmpty() && kv.size() <= 2 && !out.contains(QString::fromLatin1(key));
        QByteArray value;
        if (ok && kv.size() == 2) {
            const auto d
                = QByteArray::fromBase64Encoding(kv.at(1), QByteArray::AbortOnBase64DecodingErrors);
            ok = d.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
            value = d.decoded;
        }
        if (!ok)
            throw AppError(ErrorCode::MalformedRequest,
                QStringLiteral("Upload-Metadata must be \"key base64,key base64,…\""));
        out.insert(QString::fromLatin1(key), QString::fromUtf8(value));
    }
    return out;
}

void UploadController::registerRoutes(Router &router)
{
    RouteOptions open;
    open.auth = false; // discovery: what the server supports
    router.add(
        "OPTIONS", QStringLiteral("/api/v1/uploads"), [this](Request &r) { return options(r); },
        open);
    RouteOptions create;
    create.streamBody = [](const QByteArray &contentType) { return contentType == kOctets; };
    create.prepareUpload = [this](Request &r) { return prepareCreate(r); };
    create.maxStreamBytes = m_maxSize;
    router.add(
        "POST", QStringLiteral("/api/v1/uploads"), [this](Request &r) { return this->create(r); },
        create);
    // HEAD and PATCH also through a signed URL (POST …/url): bytes without the user's token.
    const auto viaSignedUrl = [this](const Request &r) {
        Principal p;
        p.userId = m_uploads.signedOwner(r.param(QStringLiteral("id")), r.path,
            r.queryValue(QStringLiteral("expires")),
            r.queryValue(QStringLiteral("sig")).toLatin1());
        p.role = QStringLiteral("member"); // the URL carries the upload's owner, never more
        return p;
    };
    RouteOptions offset;
    offset.signedAccess = viaSignedUrl;
    router.add(
        "GET", QStringLiteral("/api/v1/uploads/{id}"), [this](Request &r) { return head(r); },
        offset);
    router.add("POST", QStringLiteral("/api/v1/uploads/{id}/url"),
        [this](Request &r) { return signUrl(r); });
    RouteOptions append;
    append.signedAccess = viaSignedUrl;
    append.streamBody = [](const QByteArray &contentType) { return contentType == kOctets; };
    append.prepareUpload = [this](Request &r) { return prepareAppend(r); };
    append.maxStreamBytes = m_maxSize;
    router.add(
        "PATCH", QStringLiteral("/api/v1/uploads/{id}"),
        [this](Request &r) { return this->append(r); }, append);
    router.add("DELETE", QStringLiteral("/api/v1/uploads/{id}"),
        [this](Request &r) { return terminate(r); });
}

Response UploadController::withTus(Response r) const
{
    r.withHeader("Tus-Resumable", kVersion);
    return r;
}

Response UploadController::progress(int status, const PendingUpload &u) const
{
    Response r = status == 204 ? Response::noContent() : Response::text(status, {}, {});
    r.withHeader("Upload-Offset", QByteArray::number(u.received));
    r.withHeader("Upload-Expires", httpDate(u.expiresAt));
    return withTus(r);
}

Response UploadController::options(const Request &)
{
    Response r = Response::noContent();
    r.withHeader("Tus-Version", kVersion);
    r.withHeader("Tus-Extension", "creation,creation-with-upload,expiration,checksum,termination");
    r.withHeader("Tus-Max-Size", QByteArray::number(m_maxSize));
    r.withHeader("Tus-Checksum-Algorithm", "sha256");
    r.withHeader("Allow", "OPTIONS, POST");
    return withTus(r);
}

UploadTarget UploadController::prepareCreate(Request &request)
{
    requireTus(request);
    const qint64 length = headerNumber(request, "Upload-Length");
    const QByteArray rawMetadata = request.header("Upload-Metadata");
    const auto metadata = parseMetadata(rawMetadata);
    const QString cardId = metadata.value(QStringLiteral("card_id"));
    if (cardId.isEmpty())
        throw AppError::validation(QStringLiteral("Upload-Metadata"), QStringLiteral("required"),
            QStringLiteral("name the card in Upload-Metadata: card_id <base64>"));
    const PendingUpload u = m_uploads.create(request.user().userId, length, cardId,
        metadata.value(QStringLiteral("filename")), QString::fromLatin1(rawMetadata));
    UploadTarget t = m_uploads.prepareAppend(
        request.user().userId, u.id, 0, request.header("Content-Length").toLongLong());
    t.note = u.id; // the handler answers for this upload
    t.hashChunk = request.hasHeader("Upload-Checksum");
    return t;
}

Response UploadController::create(const Request &request)
{
    PendingUpload u;
    if (request.upload) {
        u = finishAppend(request, request.uploadTarget->note);
    } else {
        requireTus(request);
        const qint64 length = headerNumber(request, "Upload-Length");
        const QByteArray rawMetadata = request.header("Upload-Metadata");
        const auto metadata = parseMetadata(rawMetadata);
        const QString cardId = metadata.value(QStringLiteral("card_id"));
        if (cardId.isEmpty())
            throw AppError::validation(QStringLiteral("Upload-Metadata"),
                QStringLiteral("required"),
                QStringLiteral("name the card in Upload-Metadata: card_id <base64>"));
        u = m_uploads.create(request.user().userId, length, cardId,
            metadata.value(QStringLiteral("filename")), QString::fromLatin1(rawMetadata));
    }
    Response r = progress(201, u);
    r.withHeader("Location", "/api/v1/uploads/" + u.id.toLatin1());
    return r;
}

Response UploadController::head(const Request &request)
{
    requireTus(request);
    const PendingUpload u
        = m_uploads.find(request.user().userId, request.param(QStringLiteral("id")));
    Response r = progress(200, u);
    r.withHeader("Upload-Length", QByteArray::number(u.length));
    if (!u.metadata.isEmpty())
        r.withHeader("Upload-Metadata", u.metadata.toLatin1());
    r.withHeader("Cache-Control", "no-store");
    return r;
}

UploadTarget UploadController::prepareAppend(Request &request)
{
    requireTus(request);
    const qint64 offset = headerNumber(request, "Upload-Offset");
    checksumOf(request); // malformed: refused before a byte is stored
    UploadTarget t = m_uploads.prepareAppend(request.user().userId,
        request.param(QStringLiteral("id")), offset, request.header("Content-Length").toLongLong());
    t.hashChunk = request.hasHeader("Upload-Checksum");
    return t;
}

PendingUpload UploadController::finishAppend(const Request &request, const QString &uploadId)
{
    std::optional<QByteArray> checksum;
    try {
        checksum = checksumOf(request);
    } catch (...) {
        // Still released (nothing kept) before the refusal goes out.
        m_uploads.finishAppend(request.user().userId, uploadId, UploadResult(), std::nullopt);
        throw;
    }
    return m_uploads.finishAppend(request.user().userId, uploadId, *request.upload, checksum);
}

Response UploadController::append(const Request &request)
{
    if (!request.upload) // not application/offset+octet-stream: never streamed
        throw AppError(ErrorCode::UnsupportedMediaType,
            QStringLiteral("PATCH takes Content-Type: application/offset+octet-stream"));
    const PendingUpload u = finishAppend(request, request.param(QStringLiteral("id")));
    if (!request.upload->complete && !request.upload->error.isEmpty())
        throw AppError(request.upload->errorCode, request.upload->error);
    return progress(204, u);
}

Response UploadController::signUrl(const Request &request)
{
    return resourceResponse(
        200, m_uploads.signUrl(request.user().userId, request.param(QStringLiteral("id"))));
}

Response UploadController::terminate(const Request &request)
{
    requireTus(request);
    m_uploads.terminate(request.user().userId, request.param(QStringLiteral("id")));
    return withTus(Response::noContent());
}

} // namespace corkboard
