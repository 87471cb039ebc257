#include "server/features/attachments/attachment_service.h"

#include "server/features/attachments/blob_store.h"
#include "server/features/attachments/url_signer.h"
#include "server/features/boards/board_access.h"
#include "server/features/cards/card_repository.h"
#include "server/features/common/service_util.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "shared/time_format.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>

namespace corkboard {

namespace {
QByteArray attachmentEventData(const Attachment &a)
{
    return encodeJson(a);
}
} // namespace

QString AttachmentService::cleanFilename(const QString &name)
{
    QString base = name;
    const qsizetype cut
        = std::max(base.lastIndexOf(QLatin1Char('/')), base.lastIndexOf(QLatin1Char('\\')));
    if (cut >= 0)
        base = base.mid(cut + 1);
    QString out;
    for (const QChar c : std::as_const(base)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c == QChar::ReplacementCharacter)
            continue;
        out.append(c);
    }
    out = out.trimmed();
    if (out == QLatin1String(".") || out == QLatin1String(".."))
        out.clear();
    if (out.isEmpty())
        throw AppError::validation(QStringLiteral("filename"), QStringLiteral("invalid"),
            QStringLiteral("the file needs a name"));
    if (out.size() > 255)
        throw AppError::validation(QStringLiteral("filename"), QStringLiteral("too_long"),
            QStringLiteral("the file name is longer than 255 characters"));
    return out;
}

bool AttachmentService::isImageType(const QString &contentType)
{
    return contentType == QLatin1String("image/png") || contentType == QLatin1String("image/jpeg")
        || contentType == QLatin1String("image/gif") || contentType == QLatin1String("image/webp")
        || contentType == QLatin1String("image/bmp");
}

QString AttachmentService::sniffType(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("application/octet-stream");
    const QMimeType type = QMimeDatabase().mimeTypeForData(&file);
    if (!type.isValid() || type.isDefault())
        return QStringLiteral("application/octet-stream");
    return type.name();
}

QString AttachmentService::stagingDir() const
{
    return m_store.stagingDir();
}

void AttachmentService::checkQuota(const QString &boardId, qint64 more)
{
    if (m_limits.boardQuota <= 0)
        return;
    const qint64 used = AttachmentRepository(m_deps.db).boardUsage(boardId);
    if (used + more > m_limits.boardQuota)
        throw AppError(ErrorCode::PayloadTooLarge,
            QStringLiteral("the board's files would exceed its quota of %1 bytes (%2 in use)")
                .arg(m_limits.boardQuota)
                .arg(used));
}

QString AttachmentService::prepareAdd(
    const QString &userId, const QString &cardId, qint64 declaredBytes)
{
    ReadTransaction read(m_deps.db);
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Editor, QStringLiteral("card"));
    checkQuota(card->boardId, std::min(declaredBytes, m_limits.multipartMax));
    return QDir(m_store.stagingDir()).filePath(crypto::newId() + QStringLiteral(".part"));
}

Attachment AttachmentService::addStaged(const QString &userId, const QString &cardId,
    const QString &stagedPath, qint64 size, const QByteArray &sha256, const QString &filename,
    qint64 reservedBytes, const QString &uploadId)
{
    struct Cleanup
    {
        QString path;
        ~Cleanup()
        {
            if (!path.isEmpty())
                QFile::remove(path); // refused: nothing of it stays
        }
    } cleanup {uploadId.isEmpty() ? stagedPath : QString()}; // an upload stays resumable
    const QString name = cleanFilename(filename);
    Mutation m(m_deps, userId);
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Editor, QStringLiteral("card"));
    checkQuota(card->boardId, size - reservedBytes);
    Attachment a;
    a.id = crypto::newId();
    a.cardId = cardId;
    a.boardId = card->boardId;
    a.uploaderId = userId;
    a.filename = name;
    a.size = size;
    a.contentType = sniffType(stagedPath);
    a.sha256 = QString::fromLatin1(sha256.toHex());
    a.thumbnail = isImageType(a.contentType) ? QStringLiteral("pending") : QStringLiteral("none");
    a.createdAt = m.now();
    AttachmentRepository repo(m_deps.db);
    repo.ensureBlob(a.sha256, size, toRfc3339(m.now()));
    repo.insert(a);
    if (!uploadId.isEmpty())
        repo.removeUpload(uploadId);
    // Inside the write transaction: the blob clean-up job (which also takes the write lock)
    // cannot remove this content between the check and the row.
    if (!m_store.put(stagedPath, a.sha256))
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the server could not store the file"));
    cleanup.path.clear();
    m.record(QStringLiteral("attachment.added"), a.boardId, a.id, a.filename,
        attachmentEventData(a), {a.cardId, {}});
    m.commit();
    return a;
}

Attachment AttachmentService::get(const QString &userId, const QString &attachmentId)
{
    const auto a = AttachmentRepository(m_deps.db).find(attachmentId);
    if (!a)
        throw AppError::notFound(QStringLiteral("attachment"));
    BoardAccess(m_deps.db).require(
        a->boardId, userId, BoardRole::Viewer, QStringLiteral("attachment"));
    return *a;
}

QList<Attachment> AttachmentService::list(const QString &userId, const QString &cardId)
{
    ReadTransaction read(m_deps.db);
    const auto card = CardRepository(m_deps.db).find(cardId);
    if (!card)
        throw AppError::notFound(QStringLiteral("card"));
    BoardAccess(m_deps.db).require(
        card->boardId, userId, BoardRole::Viewer, QStringLiteral("card"));
    return AttachmentRepository(m_deps.db).listForCard(cardId);
}

void AttachmentService::remove(const QString &userId, const QString &attachmentId)
{
    Mutation m(m_deps, userId);
    AttachmentRepository repo(m_deps.db);
    const auto a = repo.find(attachmentId);
    if (!a)
        throw AppError::notFound(QStringLiteral("attachment"));
    const BoardRole role = BoardAccess(m_deps.db).require(
        a->boardId, userId, BoardRole::Editor, QStringLiteral("attachment"));
    if (a->uploaderId != userId && role != BoardRole::Owner)
        throw AppError(ErrorCode::Forbidden,
            QStringLiteral("only its uploader or a board owner may delete an attachment"));
    repo.remove(a->id);
    JsonWriter w(128);
    w.beginObject().field("id", a->id).field("card_id", a->cardId).endObject();
    m.record(QStringLiteral("attachment.removed"), a->boardId, a->id, a->filename, w.take(),
        {a->cardId, {}});
    m.commit();
}

SignedUrl AttachmentService::signUrl(const QString &userId, const QString &attachmentId)
{
    const Attachment a = get(userId, attachmentId);
    const qint64 expires = m_deps.clock.nowMs() / 1000 + m_limits.signedUrlSeconds;
    auto urlFor = [&](const QString &what) -> QString {
        const QString path = QStringLiteral("/api/v1/attachments/%1/%2").arg(a.id, what);
        return path
            + QStringLiteral("?expires=%1&sig=%2")
                  .arg(expires)
                  .arg(QString::fromLatin1(m_signer.sign("GET", path, expires, a.id)));
    };
    SignedUrl out;
    out.url = urlFor(QStringLiteral("content"));
    if (a.thumbnail == QLatin1String("ready"))
        out.thumbnailUrl = urlFor(QStringLiteral("thumbnail"));
    out.expiresAt = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    return out;
}

AttachmentService::Download AttachmentService::openSigned(const QString &attachmentId,
    bool thumbnail, const QString &path, const QString &expires, const QByteArray &signature)
{
    // One answer for every failure: whoever holds a bad URL learns nothing about the file.
    const AppError refused(
        ErrorCode::Forbidden, QStringLiteral("this link is not valid (or has expired)"));
    bool ok = false;
    const qint64 expiresAt = expires.toLongLong(&ok);
    if (!ok || signature.isEmpty() || expiresAt < m_deps.clock.nowMs() / 1000
        || !m_signer.verify("GET", path, expiresAt, attachmentId, signature))
        throw refused;
    const auto a = AttachmentRepository(m_deps.db).find(attachmentId);
    if (!a)
        throw refused;
    Download d;
    d.attachment = *a;
    QString sha = a->sha256;
    d.contentType = a->contentType;
    if (thumbnail) {
        sha = AttachmentRepository(m_deps.db).readyThumbnail(a->id);
        if (sha.isEmpty())
            throw AppError::notFound(QStringLiteral("thumbnail"));
        d.contentType = QStringLiteral("image/png");
    }
    d.content = m_store.open(sha);
    if (!d.content)
        throw AppError(ErrorCode::Unavailable, QStringLiteral("the file is not available"));
    d.size = d.content->size();
    d.etag = sha;
    d.inlineImage = thumbnail || isImageType(d.contentType);
    return d;
}

} // namespace corkboard
