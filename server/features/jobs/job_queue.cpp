#include "server/features/jobs/job_queue.h"

#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/sql_dialect.h"

#include <QJsonDocument>

namespace corkboard {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, payload, idempotency_key, state, attempts, max_attempts, run_at, lease_owner, "
    "lease_token, lease_expires_at, last_error, concurrency_key");

Job readJob(SqlQuery &q)
{
    Job j;
    j.id = q.value(0).toString();
    j.kind = q.value(1).toString();
    j.payload = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    j.idempotencyKey = q.value(3).toString();
    j.state = jobStateFromName(q.value(4).toString());
    j.attempts = q.value(5).toInt();
    j.maxAttempts = q.value(6).toInt();
    j.runAtMs = q.value(7).toLongLong();
    j.leaseOwner = q.value(8).toString();
    j.leaseToken = q.value(9).toString();
    j.leaseExpiresAtMs = q.value(10).toLongLong();
    j.lastError = q.value(11).toString();
    j.concurrencyKey = q.value(12).toString();
    return j;
}

} // namespace

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Running:
        return QStringLiteral("running");
    case JobState::Done:
        return QStringLiteral("done");
    case JobState::Dead:
        return QStringLiteral("dead");
    }
    return QStringLiteral("queued");
}

JobState jobStateFromName(const QString &name)
{
    if (name == QLatin1String("running"))
        return JobState::Running;
    if (name == QLatin1String("done"))
        return JobState::Done;
    if (name == QLatin1String("dead"))
        return JobState::Dead;
    return JobState::Queued;
}

JobQueue::JobQueue(Database &db)
    : m_db(db)
{
}

qint64 JobQueue::backoffMs(int attempts, qint64 retryBaseMs)
{
    const int exponent = qBound(0, attempts - 1, 20);
    return retryBaseMs * (qint64(1) << exponent);
}

bool JobQueue::enqueue(const NewJob &job, qint64 nowMs)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO jobs (id, kind, payload, idempotency_key, concurrency_key, state, "
            "attempts, max_attempts, run_at, created_at, updated_at) VALUES (:id, :kind, "
            ":payload, :key, :group, 'queued', 0, :max, :run_at, :created, :updated) "
            "ON CONFLICT (idempotency_key) DO NOTHING"));
    q.bind(QStringLiteral(":id"), crypto::newId())
        .bind(QStringLiteral(":kind"), job.kind)
        .bind(QStringLiteral(":payload"),
            QString::fromUtf8(QJsonDocument(job.payload).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":key"), job.idempotencyKey)
        .bind(QStringLiteral(":group"),
            job.concurrencyKey.isEmpty() ? QVariant() : QVariant(job.concurrencyKey))
        .bind(QStringLiteral(":max"), qMax(1, job.maxAttempts))
        .bind(QStringLiteral(":run_at"), job.runAtMs)
        .bind(QStringLiteral(":created"), nowMs)
        .bind(QStringLiteral(":updated"), nowMs)
        .exec();
    return q.numRowsAffected() > 0;
}

std::optional<Job> JobQueue::claim(
    const QString &owner, qint64 nowMs, qint64 leaseMs, const Exclusions &skip)
{
    const QString token = crypto::newId();
    // Kinds and concurrency keys at their limit are passed over (bound one placeholder each).
    QString exclude;
    auto placeholders = [](const char *prefix, qsizetype n) {
        QStringList names;
        for (qsizetype i = 0; i < n; ++i)
            names.append(QStringLiteral(":%1%2").arg(QLatin1String(prefix)).arg(i));
        return names.join(QLatin1Char(','));
    };
    if (!skip.kinds.isEmpty())
        exclude
            += QStringLiteral(" AND kind NOT IN (%1)").arg(placeholders("k", skip.kinds.size()));
    if (!skip.concurrencyKeys.isEmpty()) {
        exclude += QStringLiteral(" AND (concurrency_key IS NULL OR concurrency_key NOT IN (%1))")
                       .arg(placeholders("g", skip.concurrencyKeys.size()));
    }
    Transaction tx(m_db);
    // The state test is repeated in the outer WHERE: whoever updates first wins, the other
    // statement matches no row.
    SqlQuery update(m_db,
        QStringLiteral(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = :owner, "
            "lease_token = :token, lease_expires_at = :expires, updated_at = :now1 "
            "WHERE id = (SELECT id FROM jobs WHERE ((state = 'queued' AND run_at <= :now2) "
            "  OR (state = 'running' AND lease_expires_at <= :now3 AND attempts < max_attempts))")
            + exclude + QStringLiteral("  ORDER BY run_at, created_at LIMIT 1")
            + sql::skipLocked(m_db)
            + QStringLiteral(") "
                             "AND ((state = 'queued' AND run_at <= :now4) "
                             "  OR (state = 'running' AND lease_expires_at <= :now5 AND attempts < "
                             "max_attempts))"));
    update.bind(QStringLiteral(":owner"), owner)
        .bind(QStringLiteral(":token"), token)
        .bind(QStringLiteral(":expires"), nowMs + leaseMs)
        .bind(QStringLiteral(":now1"), nowMs)
        .bind(QStringLiteral(":now2"), nowMs)
        .bind(QStringLiteral(":now3"), nowMs)
        .bind(QStringLiteral(":now4"), nowMs)
        .bind(QStringLiteral(":now5"), nowMs);
    for (qsizetype i = 0; i < skip.kinds.size(); ++i)
        update.bind(QStringLiteral(":k%1").arg(i), skip.kinds.at(i));
    for (qsizetype i = 0; i < skip.concurrencyKeys.size(); ++i)
        update.bind(QStringLiteral(":g%1").arg(i), skip.concurrencyKeys.at(i));
    update.exec();
    if (update.numRowsAffected() <= 0)
        return std::nullopt;
    SqlQuery select(m_db,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM jobs WHERE lease_token = :token"));
    select.bind(QStringLiteral(":token"), token).exec();
    if (!select.next())
        return std::nullopt;
    Job job = readJob(select);
    tx.commit();
    return job;
}

bool JobQueue::complete(const Job &job, qint64 nowMs)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE jobs SET state = 'done', lease_owner = NULL, lease_token = NULL, "
                       "lease_expires_at = NULL, updated_at = :now1, finished_at = :now2 "
                       "WHERE id = :id AND state = 'running' AND lease_token = :token"));
    q.bind(QStringLiteral(":now1"), nowMs)
        .bind(QStringLiteral(":now2"), nowMs)
        .bind(QStringLiteral(":id"), job.id)
        .bind(QStringLiteral(":token"), job.leaseToken)
        .exec();
    return q.numRowsAffected() > 0;
}

JobQueue::FailOutcome JobQueue::fail(
    const Job &job, const QString &error, qint64 nowMs, qint64 retryBaseMs)
{
    const bool dead = job.attempts >= job.maxAttempts;
    SqlQuery q(m_db,
        dead ? QStringLiteral(
            "UPDATE jobs SET state = 'dead', last_error = :error, lease_owner = NULL, "
            "lease_token = NULL, lease_expires_at = NULL, updated_at = :now1, finished_at = :now2 "
            "WHERE id = :id AND state = 'running' AND lease_token = :token")
             : QStringLiteral(
                 "UPDATE jobs SET state = 'queued', last_error = :error, lease_owner = NULL, "
                 "lease_token = NULL, lease_expires_at = NULL, updated_at = :now1, run_at = :now2 "
                 "WHERE id = :id AND state = 'running' AND lease_token = :token"));
    q.bind(QStringLiteral(":error"), error.left(2000))
        .bind(QStringLiteral(":now1"), nowMs)
        .bind(QStringLiteral(":now2"), dead ? nowMs : nowMs + backoffMs(job.attempts, retryBaseMs))
        .bind(QStringLiteral(":id"), job.id)
        .bind(QStringLiteral(":token"), job.leaseToken)
        .exec();
    if (q.numRowsAffected() <= 0)
        return FailOutcome::LostLease;
    return dead ? FailOutcome::Dead : FailOutcome::Retrying;
}

QList<Job> JobQueue::reapExpired(qint64 nowMs)
{
    QList<Job> reaped;
    Transaction tx(m_db);
    SqlQuery select(m_db,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM jobs WHERE state = 'running' AND lease_expires_at <= :now "
                             "AND attempts >= max_attempts"));
    select.bind(QStringLiteral(":now"), nowMs).exec();
    QList<Job> candidates;
    while (select.next())
        candidates.append(readJob(select));
    for (Job &job : candidates) {
        job.lastError
            = QStringLiteral("the worker stopped during the last attempt (lease expired)");
        SqlQuery q(m_db,
            QStringLiteral(
                "UPDATE jobs SET state = 'dead', last_error = :error, lease_owner = NULL, "
                "lease_token = NULL, lease_expires_at = NULL, updated_at = :now1, finished_at = "
                ":now2 "
                "WHERE id = :id AND state = 'running' AND lease_token = :token"));
        q.bind(QStringLiteral(":error"), job.lastError)
            .bind(QStringLiteral(":now1"), nowMs)
            .bind(QStringLiteral(":now2"), nowMs)
            .bind(QStringLiteral(":id"), job.id)
            .bind(QStringLiteral(":token"), job.leaseToken)
            .exec();
        if (q.numRowsAffected() > 0) {
            job.state = JobState::Dead;
            reaped.append(job);
        }
    }
    tx.commit();
    return reaped;
}

std::optional<Job> JobQueue::find(const QString &id)
{
    SqlQuery q(
        m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM jobs WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

std::optional<Job> JobQueue::findByKey(const QString &idempotencyKey)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM jobs WHERE idempotency_key = :key"));
    q.bind(QStringLiteral(":key"), idempotencyKey).exec();
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

QHash<QString, qint64> JobQueue::countByState()
{
    QHash<QString, qint64> counts;
    for (const char *s : {"queued", "running", "done", "dead"})
        counts.insert(QString::fromLatin1(s), 0);
    SqlQuery q(m_db, QStringLiteral("SELECT state, count(*) FROM jobs GROUP BY state"));
    q.exec();
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    return counts;
}

} // namespace corkboard
