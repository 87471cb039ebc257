#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace corkboard {

class Database;

struct WebhookRecord
{
    QString id;
    QString boardId;
    QString url;
    QStringList events; //!< empty: every event type
    QString secret;
    QString createdBy;
    qint64 createdSeq = 0;
    QString createdAt;
    //! Its creator is no longer an enabled owner of the board: nothing is delivered.
    bool paused = false;
};

struct WebhookAttemptRecord
{
    int attempt = 0;
    QString at;
    int status = 0; //!< 0: no HTTP answer
    QString error;
    qint64 durationMs = 0;
};

struct WebhookDeliveryRecord
{
    QString id;
    QString webhookId;
    qint64 eventSeq = 0;
    QString eventType;
    QByteArray body;
    QString state; //!< pending | delivered | failed
    int attempts = 0;
    int lastStatus = 0;
    QString lastError;
    QString nextAttemptAt;
    QString createdAt;
    QList<WebhookAttemptRecord> attemptLog;
};

//! webhooks, webhook_deliveries and webhook_attempts.
class WebhookRepository
{
public:
    explicit WebhookRepository(Database &db);

    //! The caller's role on a board (owner | editor | viewer), empty when not a member.
    QString boardRole(const QString &boardId, const QString &userId);
    qint64 latestEventSeq();

    void insert(const WebhookRecord &hook);
    std::optional<WebhookRecord> find(const QString &id);
    QList<WebhookRecord> listForBoard(const QString &boardId);
    void remove(const QString &id);

    //! Creates the delivery unless this webhook already has one for this event; true if new.
    bool insertDelivery(const WebhookDeliveryRecord &delivery);
    std::optional<WebhookDeliveryRecord> findDelivery(const QString &id);
    //! Newest first, with their attempt logs (two queries).
    QList<WebhookDeliveryRecord> listDeliveries(
        const QString &webhookId, int limit, const QString &beforeId);
    //! Records one attempt (idempotent per attempt number) and the delivery's new state.
    void recordAttempt(const QString &deliveryId, const WebhookAttemptRecord &attempt,
        const QString &state, const QString &nextAttemptAt);

private:
    Database &m_db;
};

} // namespace corkboard
