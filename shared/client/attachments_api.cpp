#include "shared/client/attachments_api.h"

#include "shared/client/boards_api.h"

#include <QNetworkReply>

namespace corkboard::client {

AttachmentDownload::AttachmentDownload(
    ApiClient &api, const QString &attachmentId, const QString &targetPath, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_attachmentId(attachmentId)
    , m_target(targetPath)
    , m_file(targetPath)
{
}

AttachmentDownload::~AttachmentDownload()
{
    if (m_reply)
        m_reply->abort();
}

void AttachmentDownload::start()
{
    AttachmentsApi(m_api)
        .signedUrl(m_attachmentId)
        .then(this, [this](const ApiResult<SignedUrl> &r) {
            if (m_cancelled)
                return;
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            fetch(r.value().url);
        });
}

void AttachmentDownload::fetch(const QString &url)
{
    if (!m_file.open(QIODevice::WriteOnly)) {
        Q_EMIT failed(ApiError::transport(ApiError::Kind::Decode,
            tr("“%1” cannot be written: %2").arg(m_target, m_file.errorString())));
        return;
    }
    // The signature is the permission: no token goes with it.
    m_reply = m_api.sendStreamed("GET", url, {}, nullptr, false);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && m_file.write(reply->readAll()) < 0)
            reply->abort();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, &AttachmentDownload::progress);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_cancelled) {
            m_file.cancelWriting();
            return;
        }
        const QByteArray rest = reply->readAll();
        if (const auto error = m_api.errorOf(reply, rest)) {
            m_file.cancelWriting();
            Q_EMIT failed(*error);
            return;
        }
        if ((!rest.isEmpty() && m_file.write(rest) < 0) || !m_file.commit()) {
            Q_EMIT failed(ApiError::transport(ApiError::Kind::Decode,
                tr("“%1” cannot be written: %2").arg(m_target, m_file.errorString())));
            return;
        }
        Q_EMIT finished(m_target);
    });
}

void AttachmentDownload::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
    m_file.cancelWriting();
    Q_EMIT cancelled();
}

QFuture<ApiResult<QList<Attachment>>> AttachmentsApi::list(const QString &cardId)
{
    return m_client.call<QList<Attachment>>(
        ApiRequest::get(QStringLiteral("/api/v1/cards/%1/attachments").arg(pathSegment(cardId))),
        [](const ApiResponse &r) -> ApiResult<QList<Attachment>> {
            const auto page = decode::page<Attachment>(r, &attachmentFromJson);
            if (!page)
                return page.error();
            return page.value().items;
        });
}

QFuture<ApiResult<SignedUrl>> AttachmentsApi::signedUrl(const QString &attachmentId)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/attachments/%1/url").arg(pathSegment(attachmentId));
    return m_client.call<SignedUrl>(request,
        [](const ApiResponse &r) { return decode::object<SignedUrl>(r, &signedUrlFromJson); });
}

QUrl AttachmentsApi::absolute(const QString &signedPath) const
{
    QUrl base = m_client.serverUrl();
    QString path = base.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return base.resolved(QUrl(path + signedPath));
}

QFuture<ApiResult<NoContent>> AttachmentsApi::remove(const QString &attachmentId)
{
    return m_client.call<NoContent>(
        ApiRequest::del(QStringLiteral("/api/v1/attachments/%1").arg(pathSegment(attachmentId))),
        &decode::none);
}

QFuture<ApiResult<QByteArray>> AttachmentsApi::thumbnail(const QString &attachmentId)
{
    SharedPromise<ApiResult<QByteArray>> promise;
    ApiClient *client = &m_client;
    signedUrl(attachmentId).then(client, [client, promise](const ApiResult<SignedUrl> &r) {
        if (!r) {
            promise.finish(r.error());
            return;
        }
        if (r.value().thumbnailUrl.isEmpty()) {
            ApiError e = ApiError::transport(
                ApiError::Kind::Decode, QStringLiteral("the thumbnail is not ready"));
            promise.finish(e);
            return;
        }
        QNetworkReply *reply
            = client->sendStreamed("GET", r.value().thumbnailUrl, {}, nullptr, false);
        QObject::connect(reply, &QNetworkReply::finished, client, [client, reply, promise] {
            reply->deleteLater();
            const QByteArray body = reply->readAll();
            if (const auto error = client->errorOf(reply, body))
                promise.finish(*error);
            else
                promise.finish(body);
        });
    });
    return promise.future();
}

AttachmentUpload *AttachmentsApi::upload(
    const QString &cardId, const QString &filePath, const QString &filename, QObject *parent) const
{
    return new AttachmentUpload(
        m_client, m_store, cardId, filePath, filename, m_uploadOptions, parent);
}

QList<UnfinishedUpload> AttachmentsApi::unfinished() const
{
    return m_store.list(
        m_client.serverUrl().toString(QUrl::StripTrailingSlash), m_client.accountId());
}

AttachmentUpload *AttachmentsApi::resume(const UnfinishedUpload &upload, QObject *parent) const
{
    return new AttachmentUpload(m_client, m_store, upload, m_uploadOptions, parent);
}

AttachmentDownload *AttachmentsApi::download(
    const QString &attachmentId, const QString &targetPath, QObject *parent) const
{
    return new AttachmentDownload(m_client, attachmentId, targetPath, parent);
}

} // namespace corkboard::client
