#include "app/cards/attachment_transfers.h"

#include "shared/client/api_client.h"
#include "shared/client/error_presenter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace corkboard::ui {

namespace {
//! A folder only this user may read (downloaded attachments can be private).
QString privateDir(const QString &path)
{
    QDir().mkpath(path);
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

//! A file name that is safe on every system (no folders, no control characters).
QString safeName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/') || c == QLatin1Char('\\')
            || c == QLatin1Char(':'))
            out.append(QLatin1Char('_'));
        else
            out.append(c);
    }
    out = out.trimmed();
    return out.isEmpty() || out.startsWith(QLatin1Char('.')) ? QStringLiteral("file") + out : out;
}
} // namespace

AttachmentTransfers::AttachmentTransfers(
    client::ApiClient *api, client::UploadResumeStore store, QObject *parent)
    : QObject(parent)
    , m_api(std::make_unique<client::AttachmentsApi>(*api, std::move(store)))
{
    const QByteArray server
        = QCryptographicHash::hash(api->serverUrl().toString().toUtf8(), QCryptographicHash::Sha1)
              .toHex()
              .left(12);
    m_cacheDir = privateDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/attachments/") + QString::fromLatin1(server));
}

AttachmentTransfers::~AttachmentTransfers()
{
    // Uploads in flight stop with the session; tus ones are remembered and resume next time.
    for (const auto &upload : std::as_const(m_uploads)) {
        if (upload)
            upload->disconnect(this);
    }
}

client::AttachmentUpload *AttachmentTransfers::upload(
    const QString &cardId, const QString &path, const QString &name, bool temporary)
{
    auto *upload = m_api->upload(cardId, path, name, this);
    track(upload, temporary);
    upload->start();
    return upload;
}

void AttachmentTransfers::track(client::AttachmentUpload *upload, bool temporary)
{
    m_uploads.append(upload);
    const auto ended = [this, upload, temporary] {
        m_uploads.removeAll(upload);
        if (temporary)
            QFile::remove(upload->filePath());
        upload->deleteLater();
    };
    connect(upload, &client::AttachmentUpload::finished, this,
        [this, upload, ended](const Attachment &a) {
            ended();
            Q_EMIT uploadFinished(upload->cardId(), a);
        });
    connect(upload, &client::AttachmentUpload::failed, this,
        [this, upload, ended](const client::ApiError &e) {
            // A temporary file stays while a resumable upload may still continue from it.
            const bool keep = upload->isResumable() && (e.isTransport() || e.status >= 500);
            m_uploads.removeAll(upload);
            if (!keep)
                ended();
            else
                upload->deleteLater();
            Q_EMIT uploadFailed(
                upload->cardId(), upload->filename(), client::ErrorPresenter::message(e));
        });
    connect(upload, &client::AttachmentUpload::cancelled, this, ended);
    Q_EMIT uploadStarted(upload);
}

QList<client::AttachmentUpload *> AttachmentTransfers::uploadsFor(const QString &cardId) const
{
    QList<client::AttachmentUpload *> out;
    for (const auto &upload : m_uploads) {
        if (upload && upload->cardId() == cardId && !upload->isFinished())
            out << upload;
    }
    return out;
}

void AttachmentTransfers::resumeUnfinished()
{
    const QList<client::UnfinishedUpload> left = m_api->unfinished();
    for (const client::UnfinishedUpload &u : left) {
        bool running = false;
        for (const auto &upload : std::as_const(m_uploads))
            running = running || (upload && upload->uploadId() == u.uploadId);
        if (running)
            continue;
        if (!QFileInfo::exists(u.filePath)) {
            m_api->forget(u); // the file is gone: nothing to continue from
            continue;
        }
        auto *upload = m_api->resume(u, this);
        track(upload, false);
        upload->start();
    }
}

QImage AttachmentTransfers::thumbnail(const QString &attachmentId)
{
    if (attachmentId.isEmpty())
        return {};
    const auto it = m_thumbnails.constFind(attachmentId);
    if (it != m_thumbnails.constEnd())
        return it.value();
    const QString file = privateDir(m_cacheDir + QStringLiteral("/thumbnails")) + QLatin1Char('/')
        + attachmentId + QStringLiteral(".png");
    QImage cached(file);
    if (!cached.isNull()) {
        m_thumbnails.insert(attachmentId, cached);
        return cached;
    }
    if (m_fetching.contains(attachmentId))
        return {};
    m_fetching.insert(attachmentId);
    m_api->thumbnail(attachmentId)
        .then(this, [this, attachmentId, file](const client::ApiResult<QByteArray> &r) {
            m_fetching.remove(attachmentId);
            if (!r)
                return; // not ready yet: asked again when its card changes
            const QImage image = QImage::fromData(r.value(), "PNG");
            if (image.isNull())
                return;
            QFile out(file);
            if (out.open(QIODevice::WriteOnly)) {
                out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                out.write(r.value());
            }
            m_thumbnails.insert(attachmentId, image);
            Q_EMIT thumbnailReady(attachmentId);
        });
    return {};
}

void AttachmentTransfers::fetchCopy(const Attachment &attachment, QObject *context,
    std::function<void(const QString &, const QString &)> done)
{
    // By content: the same bytes are downloaded once, under the attachment's own name.
    const QString dir
        = privateDir(m_cacheDir + QStringLiteral("/files/") + attachment.sha256.left(32));
    const QString path = dir + QLatin1Char('/') + safeName(attachment.filename);
    if (QFileInfo(path).size() == attachment.size && QFileInfo::exists(path)) {
        done(path, QString());
        return;
    }
    auto *download = m_api->download(attachment.id, path, this);
    QPointer<QObject> ctx(context);
    connect(download, &client::AttachmentDownload::finished, this,
        [download, ctx, done](const QString &saved) {
            download->deleteLater();
            QFile::setPermissions(saved, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            if (ctx)
                done(saved, QString());
        });
    connect(download, &client::AttachmentDownload::failed, this,
        [download, ctx, done](const client::ApiError &e) {
            download->deleteLater();
            if (ctx)
                done(QString(), client::ErrorPresenter::message(e));
        });
    download->start();
}

} // namespace corkboard::ui
