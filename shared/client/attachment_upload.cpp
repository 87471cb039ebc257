#include "shared/client/attachment_upload.h"

#include "shared/client/api_client.h"
#include "shared/client/boards_api.h"
#include "shared/client/client_log.h"
#include "shared/client/file_slice.h"

#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

namespace corkboard::client {

namespace {
using Header = QPair<QByteArray, QByteArray>;
const QByteArray kTus = QByteArrayLiteral("1.0.0");

ApiError localError(const QString &why)
{
    return ApiError::transport(ApiError::Kind::Decode, why);
}

bool retryable(const ApiError &e)
{
    return e.isTransport() || e.status >= 500;
}

QByteArray quotedAscii(const QString &name)
{
    QByteArray out;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        out.append(u >= 0x20 && u < 0x7f && u != '"' && u != '\\' ? char(u) : '_');
    }
    return out;
}
} // namespace

AttachmentUpload::AttachmentUpload(ApiClient &api, UploadResumeStore store, const QString &cardId,
    const QString &filePath, const QString &filename, Options options, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(std::move(store))
    , m_options(std::move(options))
    , m_cardId(cardId)
    , m_filePath(filePath)
    , m_filename(filename.isEmpty() ? QFileInfo(filePath).fileName() : filename)
{
    const QFileInfo info(filePath);
    m_size = info.size();
    m_modified = info.lastModified().toUTC();
}

AttachmentUpload::AttachmentUpload(ApiClient &api, UploadResumeStore store,
    const UnfinishedUpload &unfinished, Options options, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(std::move(store))
    , m_options(std::move(options))
    , m_cardId(unfinished.cardId)
    , m_filePath(unfinished.filePath)
    , m_filename(unfinished.filename)
    , m_size(unfinished.size)
    , m_modified(unfinished.modified)
    , m_uploadPath(unfinished.uploadPath)
    , m_record(unfinished)
{
}

AttachmentUpload::~AttachmentUpload()
{
    if (m_reply)
        m_reply->abort();
}

QNetworkReply *AttachmentUpload::track(QNetworkReply *reply)
{
    m_reply = reply;
    return reply;
}

bool AttachmentUpload::fileUnchanged() const
{
    const QFileInfo info(m_filePath);
    return info.exists() && info.size() == m_size
        && info.lastModified().toUTC().toMSecsSinceEpoch() == m_modified.toMSecsSinceEpoch();
}

void AttachmentUpload::start()
{
    if (!QFileInfo(m_filePath).isReadable()) {
        fail(localError(tr("The file “%1” cannot be read.").arg(m_filePath)));
        return;
    }
    if (!fileUnchanged()) {
        // Changed since a remembered upload began: the server's bytes are not this file's.
        if (!m_uploadPath.isEmpty()) {
            m_store.remove(m_record.uploadId);
            m_uploadPath.clear();
            const QFileInfo info(m_filePath);
            m_size = info.size();
            m_modified = info.lastModified().toUTC();
        }
    }
    if (!m_uploadPath.isEmpty())
        askOffset();
    else if (m_size <= m_options.multipartMax)
        sendMultipart();
    else
        createTus();
}

void AttachmentUpload::withToken(std::function<void()> next)
{
    m_api.ensureAccessToken().then(
        this, [this, next = std::move(next)](const ApiResult<NoContent> &r) {
            if (m_cancelled)
                return;
            if (!r) {
                if (retryable(r.error()))
                    onNetworkFailure(r.error(), next);
                else
                    fail(r.error());
                return;
            }
            next();
        });
}

void AttachmentUpload::setSent(qint64 sent)
{
    m_sent = std::clamp<qint64>(sent, 0, m_size);
    Q_EMIT progress(m_sent, m_size);
}

void AttachmentUpload::sendMultipart()
{
    withToken([this] {
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart name;
        name.setHeader(
            QNetworkRequest::ContentDispositionHeader, QByteArray("form-data; name=\"filename\""));
        name.setBody(m_filename.toUtf8());
        multipart->append(name);
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
            QByteArray(QByteArray("form-data; name=\"file\"; filename=\"") + quotedAscii(m_filename)
                + '"'));
        file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
        auto *device = new QFile(m_filePath, multipart);
        if (!device->open(QIODevice::ReadOnly)) {
            delete multipart;
            fail(localError(tr("The file “%1” cannot be read.").arg(m_filePath)));
            return;
        }
        file.setBodyDevice(device); // read as the request goes out, never whole
        multipart->append(file);
        QNetworkReply *reply = track(m_api.sendMultipart(
            QStringLiteral("/api/v1/cards/%1/attachments").arg(pathSegment(m_cardId)), multipart));
        multipart->setParent(reply);
        connect(reply, &QNetworkReply::uploadProgress, this,
            [this](qint64 sent, qint64 total) { setSent(total > 0 ? sent * m_size / total : 0); });
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (m_cancelled)
                return;
            const QByteArray body = reply->readAll();
            const auto error = m_api.errorOf(reply, body);
            if (!error) {
                succeed(attachmentFromJson(QJsonDocument::fromJson(body)
                                               .object()
                                               .value(QLatin1String("data"))
                                               .toObject()));
            } else if (error->status == 413) {
                createTus(); // the server's multipart limit is lower than assumed
            } else if (retryable(*error)) {
                onNetworkFailure(*error, [this] { sendMultipart(); });
            } else {
                fail(*error);
            }
        });
    });
}

QList<QPair<QByteArray, QByteArray>> AttachmentUpload::tusHeaders() const
{
    return {{"Tus-Resumable", kTus}};
}

void AttachmentUpload::createTus()
{
    withToken([this] {
        auto headers = tusHeaders();
        headers.append(Header("Upload-Length", QByteArray::number(m_size)));
        headers.append(Header("Upload-Metadata",
            QByteArray("card_id " + m_cardId.toUtf8().toBase64() + ",filename "
                + m_filename.toUtf8().toBase64())));
        headers.append(Header("Content-Length", "0"));
        QNetworkReply *reply
            = track(m_api.sendStreamed("POST", QStringLiteral("/api/v1/uploads"), headers));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (m_cancelled)
                return;
            const QByteArray body = reply->readAll();
            if (const auto error = m_api.errorOf(reply, body)) {
                if (retryable(*error))
                    onNetworkFailure(*error, [this] { createTus(); });
                else
                    fail(*error);
                return;
            }
            m_uploadPath = QString::fromLatin1(reply->rawHeader("Location"));
            m_offset = reply->rawHeader("Upload-Offset").toLongLong();
            m_record.server = m_api.serverUrl().toString(QUrl::StripTrailingSlash);
            m_record.accountId = m_api.accountId();
            m_record.uploadId = m_uploadPath.section(QLatin1Char('/'), -1);
            m_record.uploadPath = m_uploadPath;
            m_record.cardId = m_cardId;
            m_record.filePath = m_filePath;
            m_record.filename = m_filename;
            m_record.size = m_size;
            m_record.modified = m_modified;
            m_store.save(m_record);
            m_failures = 0;
            sendChunk();
        });
    });
}

void AttachmentUpload::askOffset()
{
    withToken([this] {
        QNetworkReply *reply = track(m_api.sendStreamed("HEAD", m_uploadPath, tusHeaders()));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (m_cancelled)
                return;
            if (const auto error = m_api.errorOf(reply, {})) {
                if (error->status == 404 && !m_restartedAfterExpiry) {
                    // Expired (or removed) on the server: start again from the first byte.
                    m_restartedAfterExpiry = true;
                    m_store.remove(m_record.uploadId);
                    m_uploadPath.clear();
                    createTus();
                } else if (retryable(*error)) {
                    onNetworkFailure(*error, [this] { askOffset(); });
                } else {
                    fail(*error);
                }
                return;
            }
            m_offset = reply->rawHeader("Upload-Offset").toLongLong();
            qCDebug(lcClientHttp) << "resuming upload at" << m_offset << "of" << m_size;
            setSent(m_offset);
            sendChunk();
        });
    });
}

void AttachmentUpload::sendChunk()
{
    if (m_offset >= m_size) {
        attach();
        return;
    }
    withToken([this] {
        const qint64 length = std::min(m_options.chunkBytes, m_size - m_offset);
        auto *slice = new FileSlice(m_filePath, m_offset, length);
        if (!slice->open(QIODevice::ReadOnly)) {
            delete slice;
            fail(localError(tr("The file “%1” cannot be read.").arg(m_filePath)));
            return;
        }
        auto headers = tusHeaders();
        headers.append(Header("Upload-Offset", QByteArray::number(m_offset)));
        headers.append(Header("Content-Type", "application/offset+octet-stream"));
        headers.append(Header("Content-Length", QByteArray::number(length)));
        QNetworkReply *reply = track(m_api.sendStreamed("PATCH", m_uploadPath, headers, slice));
        slice->setParent(reply);
        const qint64 base = m_offset;
        connect(reply, &QNetworkReply::uploadProgress, this,
            [this, base](qint64 sent, qint64) { setSent(base + sent); });
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (m_cancelled)
                return;
            const QByteArray body = reply->readAll();
            if (const auto error = m_api.errorOf(reply, body)) {
                if (error->status == 409 || error->status == 404 || retryable(*error))
                    // Another offset (or the last request is still being closed on the
                    // server): ask for the server's offset again after a pause.
                    onNetworkFailure(*error, [this] { askOffset(); });
                else
                    fail(*error);
                return;
            }
            m_failures = 0;
            m_offset = reply->rawHeader("Upload-Offset").toLongLong();
            setSent(m_offset);
            sendChunk();
        });
    });
}

void AttachmentUpload::attach()
{
    const QJsonObject body {
        {QStringLiteral("upload_id"), m_record.uploadId}, {QStringLiteral("filename"), m_filename}};
    m_api
        .call<Attachment>(
            ApiRequest::create(
                QStringLiteral("/api/v1/cards/%1/attachments").arg(pathSegment(m_cardId)), body),
            [](const ApiResponse &r) { return decode::object<Attachment>(r, &attachmentFromJson); })
        .then(this, [this](const ApiResult<Attachment> &r) {
            if (m_cancelled)
                return;
            if (r)
                succeed(r.value());
            else if (r.error().status == 409)
                askOffset(); // not finished after all (another client's bytes?)
            else
                fail(r.error());
        });
}

void AttachmentUpload::onNetworkFailure(const ApiError &error, std::function<void()> again)
{
    if (++m_failures > m_options.maxRetries) {
        fail(error); // remembered (tus): AttachmentsApi::resume() continues it later
        return;
    }
    Q_EMIT retrying(error);
    QTimer::singleShot(m_options.backoff(m_failures), this, [this, again = std::move(again)] {
        if (!m_cancelled)
            again();
    });
}

void AttachmentUpload::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
    if (!m_uploadPath.isEmpty()) {
        // Terminated on the server (tus termination); nothing stays to resume.
        QNetworkReply *reply = m_api.sendStreamed("DELETE", m_uploadPath, tusHeaders());
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        m_store.remove(m_record.uploadId);
    }
    m_done = true;
    Q_EMIT cancelled();
}

void AttachmentUpload::fail(const ApiError &error)
{
    if (m_done)
        return;
    // A refusal (not a network loss) ends the upload for good.
    if (!retryable(error) && !m_uploadPath.isEmpty())
        m_store.remove(m_record.uploadId);
    m_done = true;
    Q_EMIT failed(error);
}

void AttachmentUpload::succeed(const Attachment &attachment)
{
    m_store.remove(m_record.uploadId);
    m_done = true;
    setSent(m_size);
    Q_EMIT finished(attachment);
}

} // namespace corkboard::client
