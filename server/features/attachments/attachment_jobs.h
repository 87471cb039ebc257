#pragma once

#include "server/features/jobs/worker_context.h"

#include <QByteArray>
#include <QIODevice>
#include <QSize>
#include <QString>

namespace corkboard {

class JobRunner;
class OutboxRelay;

//! Worker jobs of attachments: a thumbnail per image ("attachments.thumbnail", enqueued from the
//! outbox's attachment.added), and "attachments.cleanup" (expired resumable uploads, blobs no
//! attachment refers to any more — after a deletion, a card's or a board's) every 15 minutes and
//! after each deletion. Both idempotent.
void registerAttachmentJobs(
    JobRunner &runner, OutboxRelay &relay, WorkerContext &context, QList<PeriodicJob> &periodic);

//! A PNG thumbnail (at most 256×256) of the image `image` reads; refused (empty, *why set)
//! when the image declares more than `maxPixels` pixels — checked from its header before any
//! pixel is decoded — or cannot be decoded.
QByteArray makeThumbnail(QIODevice *image, qint64 maxPixels, QString *why);

} // namespace corkboard
