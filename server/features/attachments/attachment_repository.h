#pragma once

#include "shared/dto/attachment.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace corkboard {

class Database;

//! A resumable (tus) upload in progress.
struct PendingUpload
{
    QString id;
    QString userId;
    QString boardId;
    QString cardId;
    qint64 length = 0;
    qint64 received = 0;
    QByteArray hashState;
    QString filename;
    QString metadata; //!< the Upload-Metadata header as sent (echoed on HEAD)
    QDateTime expiresAt;
    QDateTime createdAt;
};

//! SQL for attachments, blobs (reference counts) and pending uploads.
class AttachmentRepository
{
public:
    explicit AttachmentRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const Attachment &a);
    std::optional<Attachment> find(const QString &id);
    QList<Attachment> listForCard(const QString &cardId);
    //! The attachments of every card in a column, by card id (one query).
    QHash<QString, QList<Attachment>> listForColumn(const QString &columnId);
    void remove(const QString &id);
    //! The blob row for content about to be referenced (created with refs 0 when new).
    void ensureBlob(const QString &sha256, qint64 size, const QString &now);
    //! Blobs no attachment refers to any more (at most `limit`).
    QStringList unreferencedBlobs(int limit);
    void deleteBlob(const QString &sha256);
    //! The thumbnail's blob when it is ready (empty otherwise).
    QString readyThumbnail(const QString &attachmentId);
    void setThumbnail(const QString &attachmentId, const QString &state, const QString &sha256);
    //! Bytes a board uses: its attachments plus the declared length of its pending uploads.
    qint64 boardUsage(const QString &boardId);

    void insertUpload(const PendingUpload &u);
    std::optional<PendingUpload> findUpload(const QString &id);
    void updateUploadProgress(const QString &id, qint64 received, const QByteArray &hashState);
    void removeUpload(const QString &id);
    //! Ids of uploads past their expiry (at most `limit`).
    QStringList expiredUploads(const QString &now, int limit);

private:
    Database &m_db;
};

} // namespace corkboard
