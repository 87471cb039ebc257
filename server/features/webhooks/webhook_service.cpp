#include "server/features/webhooks/webhook_service.h"

#include "server/features/webhooks/webhook_sender.h"
#include "server/features/webhooks/webhook_target_policy.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "shared/dto/webhook.h"
#include "shared/time_format.h"

#include <QUrl>

namespace corkboard {

namespace {
constexpr int kMaxWebhooksPerBoard = 20;
} // namespace

WebhookService::WebhookService(Database &db, const Clock &clock, QStringList allowCidrs)
    : m_db(db)
    , m_clock(clock)
    , m_allowCidrs(std::move(allowCidrs))
    , m_repository(db)
{
}

const QStringList &WebhookService::eventTypes()
{
    return webhookEventTypes();
}

void WebhookService::requireOwner(
    const QString &boardId, const QString &userId, const QString &what)
{
    const QString role = m_repository.boardRole(boardId, userId);
    if (role.isEmpty())
        throw AppError::notFound(what);
    if (role != QLatin1String("owner"))
        throw AppError(ErrorCode::Forbidden, QStringLiteral("only board owners manage webhooks"));
}

WebhookRecord WebhookService::ownedHook(const QString &userId, const QString &webhookId)
{
    const auto hook = m_repository.find(webhookId);
    if (!hook)
        throw AppError::notFound(QStringLiteral("webhook"));
    requireOwner(hook->boardId, userId, QStringLiteral("webhook"));
    return *hook;
}

WebhookRecord WebhookService::create(
    const QString &userId, const QString &boardId, const CreateInput &input)
{
    QList<FieldError> errors;
    const QString urlProblem = WebhookCall::urlProblem(input.url);
    if (!urlProblem.isEmpty()) {
        errors.append({QStringLiteral("url"), QStringLiteral("invalid"),
            QStringLiteral("url ") + urlProblem});
    } else {
        const QString host = QUrl(input.url, QUrl::StrictMode).host();
        const QString targetProblem = WebhookTargetPolicy(m_allowCidrs).hostProblem(host);
        if (!targetProblem.isEmpty())
            errors.append(
                {QStringLiteral("url"), QStringLiteral("forbidden_target"), targetProblem});
    }
    QStringList events;
    if (input.events) {
        for (const QString &e : *input.events) {
            if (!eventTypes().contains(e)) {
                errors.append({QStringLiteral("events"), QStringLiteral("unknown_event"),
                    QStringLiteral("'%1' is not an event type").arg(e.left(64))});
                break;
            }
            if (!events.contains(e))
                events.append(e);
        }
    }
    QString secret;
    if (input.secret) {
        secret = *input.secret;
        if (secret.size() < 16 || secret.size() > 256) {
            errors.append({QStringLiteral("secret"), QStringLiteral("length"),
                QStringLiteral("secret must be 16 to 256 characters")});
        }
    } else {
        secret = crypto::base64Url(crypto::randomBytes(32));
    }

    Transaction tx(m_db);
    requireOwner(boardId, userId, QStringLiteral("board"));
    if (!errors.isEmpty())
        throw AppError::validation(errors);
    if (m_repository.listForBoard(boardId).size() >= kMaxWebhooksPerBoard)
        throw AppError(ErrorCode::Conflict, QStringLiteral("a board has at most 20 webhooks"));
    WebhookRecord hook;
    hook.id = crypto::newId();
    hook.boardId = boardId;
    hook.url = input.url;
    hook.events = events;
    hook.secret = secret;
    hook.createdBy = userId;
    hook.createdSeq = m_repository.latestEventSeq();
    hook.createdAt = toRfc3339(m_clock.now());
    m_repository.insert(hook);
    tx.commit();
    return hook;
}

QList<WebhookRecord> WebhookService::list(const QString &userId, const QString &boardId)
{
    requireOwner(boardId, userId, QStringLiteral("board"));
    return m_repository.listForBoard(boardId);
}

void WebhookService::remove(const QString &userId, const QString &webhookId)
{
    Transaction tx(m_db);
    ownedHook(userId, webhookId);
    m_repository.remove(webhookId);
    tx.commit();
}

WebhookService::DeliveryPage WebhookService::deliveries(
    const QString &userId, const QString &webhookId, int limit, const QString &cursor)
{
    ownedHook(userId, webhookId);
    DeliveryPage page;
    page.items = m_repository.listDeliveries(webhookId, limit + 1, cursor);
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextCursor = page.items.last().id;
    }
    return page;
}

} // namespace corkboard
