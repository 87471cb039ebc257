#include "server/features/attachments/attachment_jobs.h"

#include "server/features/attachments/attachment_repository.h"
#include "server/features/attachments/blob_store.h"
#include "server/features/attachments/upload_service.h"
#include "server/features/common/service_util.h"
#include "server/features/events/outbox_repository.h"
#include "server/features/jobs/job_queue.h"
#include "server/features/jobs/job_runner.h"
#include "server/features/jobs/outbox_relay.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "shared/time_format.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <stdexcept>

namespace corkboard {

namespace {
constexpr int kThumbnailEdge = 256;
constexpr qint64 kCleanupIntervalMs = 15ll * 60 * 1000;

void enqueue(
    WorkerContext &ctx, const QString &kind, const QString &key, const QJsonObject &payload)
{
    JobQueue::NewJob job;
    job.kind = kind;
    job.idempotencyKey = key;
    job.payload = payload;
    job.runAtMs = ctx.clock.nowMs();
    ctx.queue.enqueue(job, ctx.clock.nowMs());
}

// The thumbnail's state changed: an `attachment.updated` event in the outbox (same transaction),
// so open windows (live, through the server's outbox pump), replays and webhooks learn that the
// card's cover is there. The actor is the uploader (it finishes their upload); no activity entry.
void recordUpdated(WorkerContext &ctx, AttachmentRepository &repo, const QString &attachmentId)
{
    const auto a = repo.find(attachmentId);
    if (!a)
        return;
    EventEnvelope e;
    e.type = QStringLiteral("attachment.updated");
    e.boardId = a->boardId;
    e.actorId = a->uploaderId; // whose upload it finishes
    e.at = ctx.clock.now().toUTC();
    e.data = encodeJson(*a);
    OutboxRepository(ctx.db).append(e);
}

void makeThumbnailJob(WorkerContext &ctx, const QString &attachmentId)
{
    AttachmentRepository repo(ctx.db);
    const auto a = repo.find(attachmentId);
    if (!a || a->thumbnail != QLatin1String("pending"))
        return; // deleted since, or done by an earlier run
    DiskBlobStore store(ctx.config.dataDir);
    const auto content = store.open(a->sha256);
    if (!content)
        throw std::runtime_error("the attachment's content is missing"); // retried, then dead
    QString why;
    const QByteArray png = makeThumbnail(content.get(), ctx.config.thumbnailMaxPixels, &why);
    Transaction tx(ctx.db);
    if (png.isEmpty()) {
        logging::write(lcJobs(), QtInfoMsg, QStringLiteral("no thumbnail for an attachment"),
            {{QStringLiteral("attachment_id"), attachmentId}, {QStringLiteral("reason"), why}});
        repo.setThumbnail(attachmentId, QStringLiteral("refused"), QString());
        recordUpdated(ctx, repo, attachmentId);
        tx.commit();
        return;
    }
    const QString sha = QString::fromLatin1(crypto::sha256(png).toHex());
    const QString staged
        = QDir(store.stagingDir()).filePath(crypto::newId() + QStringLiteral(".thumb"));
    QFile file(staged);
    if (!file.open(QIODevice::WriteOnly) || file.write(png) != png.size() || !file.flush())
        throw std::runtime_error("the thumbnail could not be written");
    file.close();
    repo.ensureBlob(sha, png.size(), toRfc3339(ctx.clock.now()));
    if (!store.put(staged, sha))
        throw std::runtime_error("the thumbnail could not be stored");
    repo.setThumbnail(attachmentId, QStringLiteral("ready"), sha);
    recordUpdated(ctx, repo, attachmentId);
    tx.commit();
}

void cleanupJob(WorkerContext &ctx)
{
    DiskBlobStore store(ctx.config.dataDir);
    const int uploads = UploadService::removeExpired(ctx.db, ctx.clock.now(), store.stagingDir());
    // Under the write lock: an upload that references the same content again (which takes the
    // lock too) either comes before (refs > 0, kept) or after (the row and file are made anew).
    Transaction tx(ctx.db);
    AttachmentRepository repo(ctx.db);
    const QStringList blobs = repo.unreferencedBlobs(1000);
    for (const QString &sha : blobs) {
        repo.deleteBlob(sha);
        store.remove(sha);
    }
    tx.commit();
    if (uploads > 0 || !blobs.isEmpty()) {
        logging::write(lcJobs(), QtInfoMsg, QStringLiteral("attachment clean-up"),
            {{QStringLiteral("expired_uploads"), uploads},
                {QStringLiteral("blobs_removed"), int(blobs.size())}});
    }
}
} // namespace

QByteArray makeThumbnail(QIODevice *image, qint64 maxPixels, QString *why)
{
    QImageReader reader(image);
    const QSize size = reader.size(); // from the header: nothing decoded yet
    if (!size.isValid()) {
        *why = QStringLiteral("not a readable image: ") + reader.errorString();
        return {};
    }
    if (qint64(size.width()) * size.height() > maxPixels) {
        *why = QStringLiteral("the image declares %1×%2 pixels, more than the limit of %3")
                   .arg(size.width())
                   .arg(size.height())
                   .arg(maxPixels);
        return {};
    }
    // Qt's own cap too (MiB of decoded pixels, 4 bytes each), in case a format lies in its header.
    reader.setAllocationLimit(int(std::min<qint64>(maxPixels * 4 / (1024 * 1024) + 1, 1 << 30)));
    const QSize target = size.scaled(kThumbnailEdge, kThumbnailEdge, Qt::KeepAspectRatio);
    if (reader.supportsOption(QImageIOHandler::ScaledSize) && target != size)
        reader.setScaledSize(target.expandedTo(QSize(1, 1)));
    QImage decoded = reader.read();
    if (decoded.isNull()) {
        *why = QStringLiteral("the image could not be decoded: ") + reader.errorString();
        return {};
    }
    if (decoded.width() > kThumbnailEdge || decoded.height() > kThumbnailEdge)
        decoded = decoded.scaled(
            kThumbnailEdge, kThumbnailEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!decoded.save(&buffer, "PNG")) {
        *why = QStringLiteral("the thumbnail could not be encoded");
        return {};
    }
    return png;
}

void registerAttachmentJobs(
    JobRunner &runner, OutboxRelay &relay, WorkerContext &ctx, QList<PeriodicJob> &periodic)
{
    relay.addConsumer([&ctx](const OutboxEvent &e) {
        if (e.type == QLatin1String("attachment.added")
            && e.data.value(QStringLiteral("thumbnail")).toString() == QLatin1String("pending")) {
            const QString id = e.data.value(QStringLiteral("id")).toString();
            enqueue(ctx, QStringLiteral("attachments.thumbnail"), QStringLiteral("thumbnail:") + id,
                {{QStringLiteral("attachment_id"), id}});
        } else if (e.type == QLatin1String("attachment.removed")
            || e.type == QLatin1String("card.deleted")
            || e.type == QLatin1String("board.deleted")) {
            // Releases the files at once instead of at the next periodic run.
            enqueue(ctx, QStringLiteral("attachments.cleanup"),
                QStringLiteral("attachments.cleanup:event:%1").arg(e.seq), {});
        }
    });
    runner.registerHandler(QStringLiteral("attachments.thumbnail"), [&ctx](const Job &job) {
        makeThumbnailJob(ctx, job.payload.value(QStringLiteral("attachment_id")).toString());
    });
    runner.registerHandler(
        QStringLiteral("attachments.cleanup"), [&ctx](const Job &) { cleanupJob(ctx); });
    periodic.append(PeriodicJob {QStringLiteral("attachments.cleanup"), kCleanupIntervalMs});
}

} // namespace corkboard
