#include "server/features/webhooks/webhook_repository.h"

#include "server/platform/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corkboard {

namespace {

const QString kHookColumns
    = QStringLiteral("id, board_id, url, events, secret, created_by, created_seq, created_at");
// A hook is paused while its creator is not an enabled owner of its board (demoted, removed or
// disabled): derived on every read, so no code path that changes members or users can forget it.
const QString kHookSelect = QStringLiteral(
    "SELECT id, board_id, url, events, secret, created_by, created_seq, created_at, "
    "NOT EXISTS (SELECT 1 FROM board_members m JOIN users u ON u.id = m.user_id "
    "WHERE m.board_id = webhooks.board_id AND m.user_id = webhooks.created_by "
    "AND m.role = 'owner' AND u.disabled = 0) FROM webhooks ");
const QString kDeliveryColumns = QStringLiteral(
    "id, webhook_id, event_seq, event_type, body, state, attempts, last_status, last_error, "
    "next_attempt_at, created_at");

WebhookRecord readHook(SqlQuery &q)
{
    WebhookRecord h;
    h.id = q.value(0).toString();
    h.boardId = q.value(1).toString();
    h.url = q.value(2).toString();
    const auto events = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array();
    for (const auto &e : events)
        h.events.append(e.toString());
    h.secret = q.value(4).toString();
    h.createdBy = q.value(5).toString();
    h.createdSeq = q.value(6).toLongLong();
    h.createdAt = q.value(7).toString();
    h.paused = q.value(8).toBool();
    return h;
}

WebhookDeliveryRecord readDelivery(SqlQuery &q)
{
    WebhookDeliveryRecord d;
    d.id = q.value(0).toString();
    d.webhookId = q.value(1).toString();
    d.eventSeq = q.value(2).toLongLong();
    d.eventType = q.value(3).toString();
    d.body = q.value(4).toString().toUtf8();
    d.state = q.value(5).toString();
    d.attempts = q.value(6).toInt();
    d.lastStatus = q.value(7).toInt();
    d.lastError = q.value(8).toString();
    d.nextAttemptAt = q.value(9).toString();
    d.createdAt = q.value(10).toString();
    return d;
}

} // namespace

WebhookRepository::WebhookRepository(Database &db)
    : m_db(db)
{
}

QString WebhookRepository::boardRole(const QString &boardId, const QString &userId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT m.role FROM board_members m JOIN boards b ON b.id = m.board_id "
                       "WHERE m.board_id = :board AND m.user_id = :user"));
    q.bind(QStringLiteral(":board"), boardId).bind(QStringLiteral(":user"), userId).exec();
    return q.next() ? q.value(0).toString() : QString();
}

qint64 WebhookRepository::latestEventSeq()
{
    SqlQuery q(m_db, QStringLiteral("SELECT coalesce(max(seq), 0) FROM events"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

void WebhookRepository::insert(const WebhookRecord &h)
{
    QJsonArray events;
    for (const auto &e : h.events)
        events.append(e);
    SqlQuery q(m_db,
        QStringLiteral("INSERT INTO webhooks (") + kHookColumns
            + QStringLiteral(") VALUES (:id, :board, :url, :events, :secret, :by, :seq, :at)"));
    q.bind(QStringLiteral(":id"), h.id)
        .bind(QStringLiteral(":board"), h.boardId)
        .bind(QStringLiteral(":url"), h.url)
        .bind(QStringLiteral(":events"),
            QString::fromUtf8(QJsonDocument(events).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":secret"), h.secret)
        .bind(QStringLiteral(":by"), h.createdBy)
        .bind(QStringLiteral(":seq"), h.createdSeq)
        .bind(QStringLiteral(":at"), h.createdAt)
        .exec();
}

std::optional<WebhookRecord> WebhookRepository::find(const QString &id)
{
    SqlQuery q(m_db, kHookSelect + QStringLiteral("WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readHook(q);
}

QList<WebhookRecord> WebhookRepository::listForBoard(const QString &boardId)
{
    SqlQuery q(
        m_db, kHookSelect + QStringLiteral("WHERE board_id = :board ORDER BY created_at, id"));
    q.bind(QStringLiteral(":board"), boardId).exec();
    QList<WebhookRecord> out;
    while (q.next())
        out.append(readHook(q));
    return out;
}

void WebhookRepository::remove(const QString &id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM webhooks WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
}

bool WebhookRepository::insertDelivery(const WebhookDeliveryRecord &d)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO webhook_deliveries (id, webhook_id, event_seq, event_type, body, state, "
            "created_at, updated_at) VALUES (:id, :hook, :seq, :type, :body, 'pending', :c, :u) "
            "ON CONFLICT (webhook_id, event_seq) DO NOTHING"));
    q.bind(QStringLiteral(":id"), d.id)
        .bind(QStringLiteral(":hook"), d.webhookId)
        .bind(QStringLiteral(":seq"), d.eventSeq)
        .bind(QStringLiteral(":type"), d.eventType)
        .bind(QStringLiteral(":body"), QString::fromUtf8(d.body))
        .bind(QStringLiteral(":c"), d.createdAt)
        .bind(QStringLiteral(":u"), d.createdAt)
        .exec();
    return q.numRowsAffected() > 0;
}

std::optional<WebhookDeliveryRecord> WebhookRepository::findDelivery(const QString &id)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kDeliveryColumns
            + QStringLiteral(" FROM webhook_deliveries WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readDelivery(q);
}

QList<WebhookDeliveryRecord> WebhookRepository::listDeliveries(
    const QString &webhookId, int limit, const QString &beforeId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kDeliveryColumns
            + QStringLiteral(" FROM webhook_deliveries WHERE webhook_id = :hook AND (coalesce(:b1, "
                             "'') = '' OR id < :b2) "
                             "ORDER BY id DESC LIMIT :limit"));
    q.bind(QStringLiteral(":hook"), webhookId)
        .bind(QStringLiteral(":b1"), beforeId)
        .bind(QStringLiteral(":b2"), beforeId)
        .bind(QStringLiteral(":limit"), limit)
        .exec();
    QList<WebhookDeliveryRecord> out;
    QHash<QString, qsizetype> index;
    while (q.next()) {
        out.append(readDelivery(q));
        index.insert(out.last().id, out.size() - 1);
    }
    if (out.isEmpty())
        return out;
    // One query for every listed delivery's attempts: they share the page's id range.
    SqlQuery a(m_db,
        QStringLiteral("SELECT a.delivery_id, a.attempt, a.at, a.status, a.error, a.duration_ms "
                       "FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                       "WHERE d.webhook_id = :hook AND d.id >= :low AND d.id <= :high ORDER BY "
                       "a.delivery_id, a.attempt"));
    a.bind(QStringLiteral(":hook"), webhookId)
        .bind(QStringLiteral(":low"), out.last().id)
        .bind(QStringLiteral(":high"), out.first().id)
        .exec();
    while (a.next()) {
        const auto it = index.constFind(a.value(0).toString());
        if (it == index.constEnd())
            continue;
        WebhookAttemptRecord at;
        at.attempt = a.value(1).toInt();
        at.at = a.value(2).toString();
        at.status = a.value(3).toInt();
        at.error = a.value(4).toString();
        at.durationMs = a.value(5).toLongLong();
        out[*it].attemptLog.append(at);
    }
    return out;
}

void WebhookRepository::recordAttempt(const QString &deliveryId,
    const WebhookAttemptRecord &attempt, const QString &state, const QString &nextAttemptAt)
{
    Transaction tx(m_db);
    SqlQuery a(m_db,
        QStringLiteral(
            "INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error, duration_ms) "
            "VALUES (:id, :n, :at, :status, :error, :ms) ON CONFLICT (delivery_id, attempt) DO "
            "UPDATE "
            "SET at = excluded.at, status = excluded.status, error = excluded.error, "
            "duration_ms = excluded.duration_ms"));
    a.bind(QStringLiteral(":id"), deliveryId)
        .bind(QStringLiteral(":n"), attempt.attempt)
        .bind(QStringLiteral(":at"), attempt.at)
        .bind(QStringLiteral(":status"), attempt.status > 0 ? QVariant(attempt.status) : QVariant())
        .bind(QStringLiteral(":error"),
            attempt.error.isEmpty() ? QVariant() : QVariant(attempt.error))
        .bind(QStringLiteral(":ms"), attempt.durationMs)
        .exec();
    SqlQuery d(m_db,
        QStringLiteral(
            "UPDATE webhook_deliveries SET state = :state, attempts = :n, last_status = :status, "
            "last_error = :error, next_attempt_at = :next, updated_at = :at WHERE id = :id"));
    d.bind(QStringLiteral(":state"), state)
        .bind(QStringLiteral(":n"), attempt.attempt)
        .bind(QStringLiteral(":status"), attempt.status > 0 ? QVariant(attempt.status) : QVariant())
        .bind(QStringLiteral(":error"),
            attempt.error.isEmpty() ? QVariant() : QVariant(attempt.error))
        .bind(
            QStringLiteral(":next"), nextAttemptAt.isEmpty() ? QVariant() : QVariant(nextAttemptAt))
        .bind(QStringLiteral(":at"), attempt.at)
        .bind(QStringLiteral(":id"), deliveryId)
        .exec();
    tx.commit();
}

} // namespace corkboard
