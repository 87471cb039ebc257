#include "server/features/attachments/attachment_repository.h"

#include "server/platform/database.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
const QString kSelect = QStringLiteral(
    "SELECT id, card_id, board_id, uploader_id, filename, size, content_type, sha256, "
    "thumbnail_state, created_at FROM attachments ");

Attachment readAttachment(SqlQuery &q)
{
    Attachment a;
    a.id = q.value(0).toString();
    a.cardId = q.value(1).toString();
    a.boardId = q.value(2).toString();
    a.uploaderId = q.value(3).toString();
    a.filename = q.value(4).toString();
    a.size = q.value(5).toLongLong();
    a.contentType = q.value(6).toString();
    a.sha256 = q.value(7).toString();
    a.thumbnail = q.value(8).toString();
    a.createdAt = fasttime::storedTime(q.value(9).toString());
    return a;
}

PendingUpload readUpload(SqlQuery &q)
{
    PendingUpload u;
    u.id = q.value(0).toString();
    u.userId = q.value(1).toString();
    u.boardId = q.value(2).toString();
    u.cardId = q.value(3).toString();
    u.length = q.value(4).toLongLong();
    u.received = q.value(5).toLongLong();
    u.hashState = q.value(6).toByteArray();
    u.filename = q.value(7).toString();
    u.metadata = q.value(8).toString();
    u.expiresAt = fasttime::storedTime(q.value(9).toString());
    u.createdAt = fasttime::storedTime(q.value(10).toString());
    return u;
}
} // namespace

void AttachmentRepository::insert(const Attachment &a)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO attachments (id, card_id, board_id, uploader_id, filename, "
                       "size, content_type, sha256, thumbnail_state, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, a.id).bind(1, a.cardId).bind(2, a.boardId).bind(3, a.uploaderId);
    q.bind(4, a.filename).bind(5, a.size).bind(6, a.contentType).bind(7, a.sha256);
    q.bind(8, a.thumbnail).bind(9, toRfc3339(a.createdAt)).exec();
}

std::optional<Attachment> AttachmentRepository::find(const QString &id)
{
    SqlQuery q(m_db, kSelect + QStringLiteral("WHERE id = ?"));
    q.bind(0, id).exec();
    if (!q.next())
        return std::nullopt;
    return readAttachment(q);
}

QList<Attachment> AttachmentRepository::listForCard(const QString &cardId)
{
    SqlQuery q(m_db, kSelect + QStringLiteral("WHERE card_id = ? ORDER BY rid"));
    q.bind(0, cardId).exec();
    QList<Attachment> out;
    while (q.next())
        out.append(readAttachment(q));
    return out;
}

QHash<QString, QList<Attachment>> AttachmentRepository::listForColumn(const QString &columnId)
{
    SqlQuery q(m_db,
        kSelect
            + QStringLiteral(
                "WHERE card_id IN (SELECT id FROM cards WHERE column_id = ?) ORDER BY rid"));
    q.bind(0, columnId).exec();
    QHash<QString, QList<Attachment>> out;
    while (q.next()) {
        Attachment a = readAttachment(q);
        out[a.cardId].append(std::move(a));
    }
    return out;
}

void AttachmentRepository::remove(const QString &id)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM attachments WHERE id = ?")).bind(0, id).exec();
}

void AttachmentRepository::ensureBlob(const QString &sha256, qint64 size, const QString &now)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO blobs (sha256, size, refs, created_at) VALUES (?, ?, 0, ?) "
                       "ON CONFLICT (sha256) DO NOTHING"));
    q.bind(0, sha256).bind(1, size).bind(2, now).exec();
}

QStringList AttachmentRepository::unreferencedBlobs(int limit)
{
    SqlQuery q(m_db, QStringLiteral("SELECT sha256 FROM blobs WHERE refs <= 0 LIMIT ?"));
    q.bind(0, limit).exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

void AttachmentRepository::deleteBlob(const QString &sha256)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM blobs WHERE sha256 = ? AND refs <= 0"))
        .bind(0, sha256)
        .exec();
}

QString AttachmentRepository::readyThumbnail(const QString &attachmentId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT thumbnail_sha256 FROM attachments WHERE id = ? AND "
                       "thumbnail_state = 'ready'"));
    q.bind(0, attachmentId).exec();
    return q.next() ? q.value(0).toString() : QString();
}

void AttachmentRepository::setThumbnail(
    const QString &attachmentId, const QString &state, const QString &sha256)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "UPDATE attachments SET thumbnail_state = ?, thumbnail_sha256 = ? WHERE id = ?"));
    q.bind(0, state)
        .bind(1, sha256.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(sha256))
        .bind(2, attachmentId)
        .exec();
}

qint64 AttachmentRepository::boardUsage(const QString &boardId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT (SELECT COALESCE(SUM(size), 0) FROM attachments WHERE board_id = "
                       "?) + (SELECT COALESCE(SUM(length), 0) FROM uploads WHERE board_id = ?)"));
    q.bind(0, boardId).bind(1, boardId).exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

void AttachmentRepository::insertUpload(const PendingUpload &u)
{
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO uploads (id, user_id, board_id, card_id, length, received, "
                       "hash_state, filename, metadata, expires_at, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, u.id).bind(1, u.userId).bind(2, u.boardId).bind(3, u.cardId).bind(4, u.length);
    q.bind(5, u.received).bind(6, u.hashState).bind(7, u.filename).bind(8, u.metadata);
    q.bind(9, toRfc3339(u.expiresAt)).bind(10, toRfc3339(u.createdAt)).exec();
}

std::optional<PendingUpload> AttachmentRepository::findUpload(const QString &id)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT id, user_id, board_id, card_id, length, received, hash_state, "
                       "filename, metadata, expires_at, created_at FROM uploads WHERE id = ?"));
    q.bind(0, id).exec();
    if (!q.next())
        return std::nullopt;
    return readUpload(q);
}

void AttachmentRepository::updateUploadProgress(
    const QString &id, qint64 received, const QByteArray &hashState)
{
    SqlQuery q(
        m_db, QStringLiteral("UPDATE uploads SET received = ?, hash_state = ? WHERE id = ?"));
    q.bind(0, received).bind(1, hashState).bind(2, id).exec();
}

void AttachmentRepository::removeUpload(const QString &id)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM uploads WHERE id = ?")).bind(0, id).exec();
}

QStringList AttachmentRepository::expiredUploads(const QString &now, int limit)
{
    SqlQuery q(m_db, QStringLiteral("SELECT id FROM uploads WHERE expires_at < ? LIMIT ?"));
    q.bind(0, now).bind(1, limit).exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace corkboard
