// Real `corkboard --worker` processes on a fake clock: retries and the dead state, a worker
// killed mid-job, and two workers sharing one queue.
#include "server/features/jobs/job_metrics.h"
#include "server/features/jobs/job_queue.h"
#include "server/platform/database.h"
#include "tests/support/worker_harness.h"

#include <QTest>

using namespace corkboard;

namespace {

JobQueue::NewJob newJob(const QString &kind, const QString &key, qint64 runAt, QJsonObject payload)
{
    JobQueue::NewJob j;
    j.kind = kind;
    j.idempotencyKey = key;
    j.runAtMs = runAt;
    j.payload = std::move(payload);
    return j;
}

void insertAdmin(Database &db, const QString &id)
{
    SqlQuery q(db,
        QStringLiteral(
            "INSERT INTO users (id, email, email_normalized, display_name, password_hash, role, "
            "created_at, updated_at) VALUES (:id, :email, :norm, 'Admin', 'x', 'admin', "
            "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"));
    q.bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":email"), QString(id + QStringLiteral("@example.com")))
        .bind(QStringLiteral(":norm"), QString(id + QStringLiteral("@example.com")))
        .exec();
}

qint64 scalar(Database &db, const QString &sql, const QString &bind = QString())
{
    SqlQuery q(db, sql);
    if (!bind.isNull())
        q.bind(QStringLiteral(":p"), bind);
    q.exec();
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestJobWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobFailingThreeTimesEndsDeadWithItsError()
    {
        test::WorkerHarness h;
        insertAdmin(h.db(), QStringLiteral("admin-1"));
        JobQueue queue(h.db());
        queue.enqueue(newJob(QStringLiteral("test.fail"), QStringLiteral("fail-1"), h.nowMs(),
                          {{QStringLiteral("message"), QStringLiteral("receiver exploded")}}),
            h.nowMs());
        h.startWorker();

        // Attempt 1 at T; the retry is scheduled base (1 s of clock time) later.
        QTRY_COMPARE_WITH_TIMEOUT(queue.findByKey(QStringLiteral("fail-1"))->attempts, 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(
            queue.findByKey(QStringLiteral("fail-1"))->state, JobState::Queued, 15000);
        auto j = queue.findByKey(QStringLiteral("fail-1"));
        QCOMPARE(j->runAtMs - h.nowMs(), 1000);
        QCOMPARE(j->lastError, QStringLiteral("receiver exploded"));

        // Attempt 2 once the clock reaches the retry time; the next delay doubles.
        h.setNow(QDateTime::fromMSecsSinceEpoch(j->runAtMs, Qt::UTC));
        QTRY_COMPARE_WITH_TIMEOUT(queue.findByKey(QStringLiteral("fail-1"))->attempts, 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(
            queue.findByKey(QStringLiteral("fail-1"))->state, JobState::Queued, 15000);
        j = queue.findByKey(QStringLiteral("fail-1"));
        QCOMPARE(j->runAtMs - h.nowMs(), 2000);

        // Attempt 3 is the last: dead, error kept, admins told, /metrics counts it.
        h.setNow(QDateTime::fromMSecsSinceEpoch(j->runAtMs, Qt::UTC));
        QTRY_COMPARE_WITH_TIMEOUT(
            queue.findByKey(QStringLiteral("fail-1"))->state, JobState::Dead, 15000);
        j = queue.findByKey(QStringLiteral("fail-1"));
        QCOMPARE(j->attempts, 3);
        QCOMPARE(j->lastError, QStringLiteral("receiver exploded"));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(h.db(),
                                      QStringLiteral("SELECT count(*) FROM notifications WHERE "
                                                     "user_id = 'admin-1' AND kind = 'job_dead' "
                                                     "AND data LIKE :p"),
                                      QStringLiteral("%receiver exploded%")),
            1, 15000);
        QVERIFY(renderJobMetrics(h.config()).contains("corkboard_jobs_dead_total 1\n"));

        // Nothing brings it back, however late it gets.
        h.advance(24ll * 3600 * 1000);
        queue.enqueue(newJob(QStringLiteral("test.effect"), QStringLiteral("marker"), h.nowMs(),
                          {{QStringLiteral("key"), QStringLiteral("marker")}}),
            h.nowMs());
        QTRY_COMPARE_WITH_TIMEOUT(
            queue.findByKey(QStringLiteral("marker"))->state, JobState::Done, 15000);
        QCOMPARE(queue.findByKey(QStringLiteral("fail-1"))->attempts, 3);
    }

    void workerKilledMidJobLeavesOneCompletedEffect()
    {
        test::WorkerHarness h;
        JobQueue queue(h.db());
        queue.enqueue(newJob(QStringLiteral("test.effect"), QStringLiteral("effect-1"), h.nowMs(),
                          {{QStringLiteral("key"), QStringLiteral("e1")},
                              {QStringLiteral("hold_first_attempt_ms"), 60000}}),
            h.nowMs());
        QProcess *first = h.startWorker();
        // The first worker did the effect and now holds the lease mid-job.
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(h.db(),
                QStringLiteral("SELECT count(*) FROM server_meta WHERE key = 'test-effect:e1'")),
            1, 15000);
        QCOMPARE(queue.findByKey(QStringLiteral("effect-1"))->state, JobState::Running);
        test::WorkerHarness::killHard(first);

        // A second worker cannot take it while the lease holds…
        h.startWorker();
        QTRY_VERIFY_WITH_TIMEOUT(
            scalar(h.db(), QStringLiteral("SELECT count(*) FROM worker_heartbeats WHERE pid <> :p"),
                QString::number(first->processId()))
                >= 1,
            15000);
        QCOMPARE(queue.findByKey(QStringLiteral("effect-1"))->state, JobState::Running);
        QCOMPARE(queue.findByKey(QStringLiteral("effect-1"))->attempts, 1);

        // …and finishes it once the lease has expired: done, one effect.
        h.advance(h.config().jobLeaseMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            queue.findByKey(QStringLiteral("effect-1"))->state, JobState::Done, 15000);
        QCOMPARE(queue.findByKey(QStringLiteral("effect-1"))->attempts, 2);
        QCOMPARE(
            scalar(h.db(),
                QStringLiteral("SELECT count(*) FROM server_meta WHERE key LIKE 'test-effect:%'")),
            1);
    }

    void cleanUpRemovesWhatIsPastDueOnly()
    {
        test::WorkerHarness h;
        insertAdmin(h.db(), QStringLiteral("admin-1"));
        const QString past = QStringLiteral("2026-03-01T09:00:00.000Z"); // a day before the clock
        const QString future = QStringLiteral("2026-04-01T09:00:00.000Z");
        for (const auto &[id, expires] : {std::pair {QStringLiteral("t-old"), past},
                 std::pair {QStringLiteral("t-new"), future}}) {
            SqlQuery q(h.db(),
                QStringLiteral("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, "
                               "device_label, created_at, expires_at) "
                               "VALUES (:id, 'admin-1', 'f', :hash, 'test', :c, :e)"));
            q.bind(QStringLiteral(":id"), id)
                .bind(QStringLiteral(":hash"), id)
                .bind(QStringLiteral(":c"), past)
                .bind(QStringLiteral(":e"), expires)
                .exec();
        }
        for (const auto &[hash, used] : {std::pair {QStringLiteral("i-used"), past},
                 std::pair {QStringLiteral("i-open"), QString()}}) {
            SqlQuery q(h.db(),
                QStringLiteral("INSERT INTO invites (code_hash, code_prefix, role, created_by, "
                               "created_at, expires_at, used_at) "
                               "VALUES (:h, 'abc', 'member', 'admin-1', :c, :e, :u)"));
            q.bind(QStringLiteral(":h"), hash)
                .bind(QStringLiteral(":c"), past)
                .bind(QStringLiteral(":e"), future)
                .bind(QStringLiteral(":u"), used.isEmpty() ? QVariant() : QVariant(used))
                .exec();
        }
        h.startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(scalar(h.db(),
                                      QStringLiteral("SELECT count(*) FROM jobs WHERE kind = "
                                                     "'maintenance.cleanup' AND state = 'done'")),
            1, 15000);
        QCOMPARE(scalar(h.db(),
                     QStringLiteral("SELECT count(*) FROM refresh_tokens WHERE id = 't-old'")),
            0);
        QCOMPARE(scalar(h.db(),
                     QStringLiteral("SELECT count(*) FROM refresh_tokens WHERE id = 't-new'")),
            1);
        QCOMPARE(scalar(h.db(),
                     QStringLiteral("SELECT count(*) FROM invites WHERE code_hash = 'i-used'")),
            0);
        QCOMPARE(scalar(h.db(),
                     QStringLiteral("SELECT count(*) FROM invites WHERE code_hash = 'i-open'")),
            1);
    }

    void twoWorkersRunEveryJobExactlyOnce()
    {
        test::WorkerHarness h;
        JobQueue queue(h.db());
        constexpr int kJobs = 300;
        h.startWorker();
        h.startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(h.db(), QStringLiteral("SELECT count(*) FROM worker_heartbeats")), 2, 15000);
        {
            Transaction tx(h.db());
            for (int i = 0; i < kJobs; ++i) {
                const QString key = QStringLiteral("many-%1").arg(i);
                queue.enqueue(newJob(QStringLiteral("test.effect"), key, h.nowMs(),
                                  {{QStringLiteral("key"), key}}),
                    h.nowMs());
            }
            tx.commit();
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(h.db(),
                QStringLiteral(
                    "SELECT count(*) FROM jobs WHERE state = 'done' AND kind = 'test.effect'")),
            kJobs, 60000);
        // Every claim increments attempts: a job run by both workers would show 2.
        QCOMPARE(scalar(h.db(),
                     QStringLiteral(
                         "SELECT count(*) FROM jobs WHERE kind = 'test.effect' AND attempts <> 1")),
            0);
        QCOMPARE(scalar(h.db(),
                     QStringLiteral(
                         "SELECT count(*) FROM server_meta WHERE key LIKE 'test-effect:many-%'")),
            kJobs);
        // Which worker took which job is up to the scheduler (one may drain the queue before the
        // other polls), so only the exactly-once effect is asserted, never the split.
    }
};

QTEST_GUILESS_MAIN(TestJobWorker)
#include "test_job_worker.moc"
