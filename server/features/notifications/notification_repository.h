#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace corkboard {

class Database;

struct NotificationRecord
{
    qint64 seq = 0;
    QString id;
    QString userId;
    QString kind;
    QString boardId;
    QString cardId;
    QString actorId;
    QByteArray dataJson = QByteArrayLiteral("{}"); //!< kind-specific details, already JSON
    QString createdAt;
    QString readAt;
};

//! The notifications table. Inserts go through the natural key (dedupe_key), so an insert that
//! is repeated by a retried job changes nothing.
class NotificationRepository
{
public:
    explicit NotificationRepository(Database &db);

    struct NewNotification
    {
        QString userId;
        QString kind;
        QString dedupeKey;
        QString boardId;
        QString cardId;
        QString actorId;
        QByteArray dataJson = QByteArrayLiteral("{}");
    };
    //! True when inserted, false when a notification with this natural key exists already.
    bool insert(const NewNotification &n, const QString &createdAt);
    //! Ids of enabled admin accounts (dead-job alerts).
    QStringList adminIds();

    //! Newest first, by seq; cursorSeq > 0 continues below that seq.
    QList<NotificationRecord> listForUser(
        const QString &userId, bool unreadOnly, int limit, qint64 cursorSeq);
    std::optional<NotificationRecord> findForUser(const QString &userId, const QString &id);
    //! Sets read_at unless already read.
    void markRead(const QString &userId, const QString &id, const QString &readAt);
    int markAllRead(const QString &userId, const QString &readAt);
    //! Rows with seq above `afterSeq`, oldest first (the live push pump).
    QList<NotificationRecord> since(qint64 afterSeq, int limit);
    qint64 maxSeq();

private:
    Database &m_db;
};

} // namespace corkboard
