#include "server/features/notifications/notification_jobs.h"

#include "server/features/jobs/job_runner.h"
#include "server/features/jobs/outbox_relay.h"
#include "server/features/notifications/notification_repository.h"
#include "server/features/notifications/notification_source_repository.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QJsonArray>

namespace corkboard {

namespace {

constexpr qint64 kReminderIntervalMs = 60 * 1000;
constexpr int kOverdueLookbackDays = 30;

QSet<QString> stringSet(const QJsonValue &value)
{
    QSet<QString> out;
    const QJsonArray array = value.toArray();
    for (const auto &v : array)
        out.insert(v.toString());
    return out;
}

QByteArray details(std::initializer_list<std::pair<const char *, QString>> fields)
{
    JsonWriter w;
    w.beginObject();
    for (const auto &f : fields)
        w.field(f.first, f.second);
    w.endObject();
    return w.take();
}

void onCardEvent(WorkerContext &ctx, const OutboxEvent &e)
{
    NotificationSourceRepository source(ctx.db);
    const QString cardId = e.data.value(QStringLiteral("id")).toString();
    if (cardId.isEmpty())
        return;
    if (e.type == QLatin1String("card.deleted")) {
        source.forgetCard(cardId);
        return;
    }
    if (!e.data.contains(QStringLiteral("assignee_ids")))
        return;
    const QSet<QString> now = stringSet(e.data.value(QStringLiteral("assignee_ids")));
    const QSet<QString> before = source.notifiedAssignees(cardId);
    NotificationRepository notifications(ctx.db);
    const QString title = e.data.value(QStringLiteral("title")).toString();
    const QString actorName = source.displayName(e.actorId);
    for (const QString &userId : now) {
        if (before.contains(userId) || userId == e.actorId)
            continue; // nobody is told about assigning themselves
        NotificationRepository::NewNotification n;
        n.userId = userId;
        n.kind = QStringLiteral("assigned");
        n.dedupeKey = QStringLiteral("assigned|%1|%2|%3").arg(cardId, userId).arg(e.seq);
        n.boardId = e.boardId;
        n.cardId = cardId;
        n.actorId = e.actorId;
        n.dataJson = details({{"card_title", title}, {"actor_name", actorName}});
        notifications.insert(n, e.at);
    }
    source.setNotifiedAssignees(cardId, before, now);
}

void onCommentCreated(WorkerContext &ctx, const OutboxEvent &e)
{
    const QString commentId = e.data.value(QStringLiteral("id")).toString();
    const QString cardId = e.data.value(QStringLiteral("card_id")).toString();
    if (commentId.isEmpty() || cardId.isEmpty())
        return;
    const QString author = e.data.value(QStringLiteral("author_id")).toString(e.actorId);
    NotificationSourceRepository source(ctx.db);
    NotificationRepository notifications(ctx.db);
    const QString title = source.cardTitle(cardId);
    const QString excerpt = e.data.value(QStringLiteral("body")).toString().left(140);
    const QString authorName = source.displayName(author);
    const QSet<QString> mentioned = stringSet(e.data.value(QStringLiteral("mention_ids")));
    auto notify = [&](const QString &userId, const QString &kind) {
        NotificationRepository::NewNotification n;
        n.userId = userId;
        n.kind = kind;
        n.dedupeKey = QStringLiteral("%1|%2|%3").arg(kind, commentId, userId);
        n.boardId = e.boardId;
        n.cardId = cardId;
        n.actorId = author;
        n.dataJson = details({{"card_title", title}, {"comment_id", commentId},
            {"excerpt", excerpt}, {"actor_name", authorName}});
        notifications.insert(n, e.at);
    };
    for (const QString &userId : mentioned) {
        if (userId != author)
            notify(userId, QStringLiteral("mentioned"));
    }
    // A mention already says it; assignees who were not mentioned hear about the comment.
    const QStringList assignees = source.cardAssignees(cardId);
    for (const QString &userId : assignees) {
        if (userId != author && !mentioned.contains(userId))
            notify(userId, QStringLiteral("comment_on_assigned"));
    }
}

void runReminders(WorkerContext &ctx)
{
    const QDateTime now = ctx.clock.now();
    const QString nowText = toRfc3339(now);
    const QString createdAt = nowText;
    NotificationSourceRepository source(ctx.db);
    NotificationRepository notifications(ctx.db);
    auto deliver = [&](const QString &kind,
                       const QList<NotificationSourceRepository::DueAssignment> &due) {
        for (const auto &d : due) {
            NotificationRepository::NewNotification n;
            n.userId = d.userId;
            n.kind = kind;
            n.dedupeKey = QStringLiteral("%1|%2|%3|%4").arg(kind, d.cardId, d.userId, d.dueAt);
            n.boardId = d.boardId;
            n.cardId = d.cardId;
            n.dataJson = details({{"card_title", d.title}, {"due_at", d.dueAt}});
            notifications.insert(n, createdAt);
        }
    };
    Transaction tx(ctx.db);
    // due_soon: due within the lead time and not yet due.
    deliver(QStringLiteral("due_soon"),
        source.dueWithoutNotice(QStringLiteral("due_soon"), nowText,
            toRfc3339(now.addMSecs(ctx.config.reminderLeadMs))));
    // overdue: the due time has passed (looking back a bounded window).
    deliver(QStringLiteral("overdue"),
        source.dueWithoutNotice(
            QStringLiteral("overdue"), toRfc3339(now.addDays(-kOverdueLookbackDays)), nowText));
    tx.commit();
}

} // namespace

void registerNotificationJobs(
    JobRunner &runner, OutboxRelay &relay, WorkerContext &ctx, QList<PeriodicJob> &periodic)
{
    relay.addConsumer([&ctx](const OutboxEvent &e) {
        if (e.type.startsWith(QLatin1String("card.")))
            onCardEvent(ctx, e);
        else if (e.type == QLatin1String("comment.created"))
            onCommentCreated(ctx, e);
    });
    runner.registerHandler(
        QStringLiteral("notifications.reminders"), [&ctx](const Job &) { runReminders(ctx); });
    periodic.append(PeriodicJob {QStringLiteral("notifications.reminders"), kReminderIntervalMs});
}

} // namespace corkboard
