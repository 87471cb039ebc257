#pragma once

#include "server/features/webhooks/webhook_repository.h"

#include <QStringList>
#include <optional>

namespace corkboard {

class Clock;
class Database;

//! Owner-managed webhooks of a board: create (the secret is returned this once), list, delete,
//! and the delivery log. Non-members get 404, members who are not owners 403. A URL naming an
//! internal address (see WebhookTargetPolicy) is refused here already; names are checked again,
//! address by address, at every delivery.
class WebhookService
{
public:
    //! `allowCidrs`: the administrator's containment allowlist (Config::webhookAllow).
    WebhookService(Database &db, const Clock &clock, QStringList allowCidrs);

    struct CreateInput
    {
        QString url;
        std::optional<QStringList> events;
        std::optional<QString> secret;
    };
    WebhookRecord create(const QString &userId, const QString &boardId, const CreateInput &input);
    QList<WebhookRecord> list(const QString &userId, const QString &boardId);
    void remove(const QString &userId, const QString &webhookId);

    struct DeliveryPage
    {
        QList<WebhookDeliveryRecord> items;
        QString nextCursor;
    };
    DeliveryPage deliveries(
        const QString &userId, const QString &webhookId, int limit, const QString &cursor);

    //! Event types a webhook may subscribe to (the live-update types, minus presence).
    static const QStringList &eventTypes();

private:
    void requireOwner(const QString &boardId, const QString &userId, const QString &what);
    WebhookRecord ownedHook(const QString &userId, const QString &webhookId);

    Database &m_db;
    const Clock &m_clock;
    QStringList m_allowCidrs;
    WebhookRepository m_repository;
};

} // namespace corkboard
