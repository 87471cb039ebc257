#include "server/features/attachments/upload_service.h"

#include "server/features/attachments/blob_store.h"
#include "server/features/boards/board_access.h"
#include "server/features/cards/card_repository.h"
#include "server/features/common/service_util.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "shared/time_format.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>

#include <sodium.h>

#include <cstring>

namespace corkboard {

namespace {
// Uploads a request is appending to right now, process-wide (every server thread).
QMutex s_busyMutex;
QSet<QString> s_busy;

bool claim(const QString &id)
{
    QMutexLocker lock(&s_busyMutex);
    if (s_busy.contains(id))
        return false;
    s_busy.insert(id);
    return true;
}

void release(const QString &id)
{
    QMutexLocker lock(&s_busyMutex);
    s_busy.remove(id);
}

QByteArray finalHash(const QByteArray &state, const QString &path)
{
    if (state.size() == UploadStream::hashStateSize()) {
        crypto_hash_sha256_state s;
        std::memcpy(&s, state.constData(), sizeof s);
        QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
        crypto_hash_sha256_final(&s, reinterpret_cast<unsigned char *>(out.data()));
        return out;
    }
    return UploadStream::hashFile(path);
}
} // namespace

QString UploadService::filePath(const QString &uploadId) const
{
    // Ids are ours (UUIDs); never a client's text in a path.
    return QDir(m_attachments.stagingDir()).filePath(uploadId + QStringLiteral(".tus"));
}

PendingUpload UploadService::create(const QString &userId, qint64 length, const QString &cardId,
    const QString &filename, const QString &metadata)
{
    const AttachmentLimits &limits = m_attachments.limits();
    if (length > limits.uploadMax)
        throw AppError(ErrorCode::PayloadTooLarge,
            QStringLiteral("the file is larger than %1 bytes").arg(limits.uploadMax));
    Transaction tx(m_deps.db);
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Editor, QStringLiteral("card"));
    m_attachments.checkQuota(card->boardId, length);
    PendingUpload u;
    u.id = crypto::newId();
    u.userId = userId;
    u.boardId = card->boardId;
    u.cardId = cardId;
    u.length = length;
    u.filename = filename;
    u.metadata = metadata;
    u.createdAt = m_deps.clock.now();
    u.expiresAt = u.createdAt.addMSecs(limits.expiryMs);
    QFile file(filePath(u.id));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the server could not store the file"));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    AttachmentRepository(m_deps.db).insertUpload(u);
    tx.commit();
    return u;
}

PendingUpload UploadService::find(const QString &userId, const QString &uploadId)
{
    const auto u = AttachmentRepository(m_deps.db).findUpload(uploadId);
    if (!u || u->userId != userId || u->expiresAt < m_deps.clock.now())
        throw AppError::notFound(QStringLiteral("upload"));
    return *u;
}

SignedUrl UploadService::signUrl(const QString &userId, const QString &uploadId)
{
    const PendingUpload u = find(userId, uploadId);
    const qint64 expires = m_deps.clock.nowMs() / 1000 + m_attachments.limits().signedUrlSeconds;
    const QString path = QStringLiteral("/api/v1/uploads/") + u.id;
    SignedUrl out;
    out.url = path
        + QStringLiteral("?expires=%1&sig=%2")
              .arg(expires)
              .arg(QString::fromLatin1(m_signer.sign("PATCH", path, expires, u.id)));
    out.expiresAt = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    return out;
}

QString UploadService::signedOwner(const QString &uploadId, const QString &path,
    const QString &expires, const QByteArray &signature)
{
    // One answer for every failure: a bad URL tells nothing about the upload.
    const AppError refused(
        ErrorCode::Forbidden, QStringLiteral("this upload link is not valid (or has expired)"));
    bool ok = false;
    const qint64 expiresAt = expires.toLongLong(&ok);
    // HEAD (the offset, to resume) is part of what a PATCH URL grants: both are signed "PATCH".
    if (!ok || signature.isEmpty() || expiresAt < m_deps.clock.nowMs() / 1000
        || !m_signer.verify("PATCH", path, expiresAt, uploadId, signature))
        throw refused;
    const auto u = AttachmentRepository(m_deps.db).findUpload(uploadId);
    if (!u || u->expiresAt < m_deps.clock.now())
        throw refused;
    return u->userId;
}

UploadTarget UploadService::prepareAppend(
    const QString &userId, const QString &uploadId, qint64 offset, qint64 declaredBytes)
{
    const PendingUpload u = find(userId, uploadId);
    if (offset != u.received)
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("Upload-Offset is %1 but the upload has %2 bytes")
                .arg(offset)
                .arg(u.received));
    if (u.received + declaredBytes > u.length)
        throw AppError(ErrorCode::PayloadTooLarge,
            QStringLiteral("the upload was declared with %1 bytes").arg(u.length));
    if (!claim(u.id))
        throw AppError(
            ErrorCode::Conflict, QStringLiteral("another request is appending to this upload"));
    UploadTarget t;
    t.filePath = filePath(u.id);
    t.keepBytes = u.received;
    t.hashState = u.hashState;
    t.maxContentBytes = u.length - u.received;
    return t;
}

PendingUpload UploadService::finishAppend(const QString &userId, const QString &uploadId,
    const UploadResult &result, const std::optional<QByteArray> &checksum)
{
    struct Release
    {
        QString id;
        ~Release() { release(id); }
    } released {uploadId};
    PendingUpload u = find(userId, uploadId);
    if (checksum && result.complete && result.chunkSha256 != *checksum)
        throw AppError(ErrorCode::ChecksumMismatch,
            QStringLiteral("the bytes do not match Upload-Checksum; nothing was kept"));
    // With a checksum, only a complete and verified request counts; without one, whatever was
    // written (a cut-off request too) is kept and the client resumes from it.
    const bool keep
        = result.storedBytes > 0 && (result.complete || !checksum) && result.error.isEmpty();
    if (keep) {
        u.received = result.fileBytes;
        u.hashState = result.hashState;
        AttachmentRepository(m_deps.db).updateUploadProgress(u.id, u.received, u.hashState);
    }
    return u;
}

void UploadService::terminate(const QString &userId, const QString &uploadId)
{
    const PendingUpload u = find(userId, uploadId);
    AttachmentRepository(m_deps.db).removeUpload(u.id);
    QFile::remove(filePath(u.id));
}

Attachment UploadService::attach(
    const QString &userId, const QString &cardId, const QString &uploadId, const QString &filename)
{
    const PendingUpload u = find(userId, uploadId);
    if (u.cardId != cardId)
        throw AppError::validation(QStringLiteral("upload_id"), QStringLiteral("other_card"),
            QStringLiteral("this upload was created for another card"));
    if (u.received != u.length)
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("the upload is not finished (%1 of %2 bytes)")
                .arg(u.received)
                .arg(u.length));
    if (!claim(u.id))
        throw AppError(ErrorCode::Conflict, QStringLiteral("the upload is still being written"));
    struct Release
    {
        QString id;
        ~Release() { release(id); }
    } released {u.id};
    const QString path = filePath(u.id);
    const QByteArray sha = finalHash(u.hashState, path);
    if (sha.isEmpty())
        throw AppError(ErrorCode::Unavailable, QStringLiteral("the upload's file is missing"));
    return m_attachments.addStaged(userId, cardId, path, u.length, sha,
        filename.isEmpty() ? u.filename : filename, u.length, u.id);
}

int UploadService::removeExpired(Database &db, const QDateTime &now, const QString &stagingDir)
{
    AttachmentRepository repo(db);
    int removed = 0;
    const QStringList ids = repo.expiredUploads(toRfc3339(now), 1000);
    for (const QString &id : ids) {
        if (!claim(id))
            continue; // being written to this very moment: the next run
        repo.removeUpload(id);
        QFile::remove(QDir(stagingDir).filePath(id + QStringLiteral(".tus")));
        release(id);
        ++removed;
    }
    return removed;
}

} // namespace corkboard
