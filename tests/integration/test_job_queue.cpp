// The jobs table's guarantees, straight through JobQueue on a real SQLite file: idempotent
// enqueue, one owner per lease, fencing of stale claims, backoff and the dead state.
#include "server/features/jobs/job_queue.h"
#include "server/platform/database.h"
#include "tests/support/worker_harness.h"

#include <QTest>

using namespace corkboard;

class TestJobQueue : public QObject
{
    Q_OBJECT

private:
    static JobQueue::NewJob job(const QString &key, qint64 runAt)
    {
        JobQueue::NewJob j;
        j.kind = QStringLiteral("test.effect");
        j.idempotencyKey = key;
        j.runAtMs = runAt;
        j.payload = QJsonObject {{QStringLiteral("key"), key}};
        return j;
    }

private Q_SLOTS:
    void enqueueIsIdempotent()
    {
        test::WorkerHarness h;
        JobQueue queue(h.db());
        QVERIFY(queue.enqueue(job(QStringLiteral("a"), h.nowMs()), h.nowMs()));
        QVERIFY(!queue.enqueue(job(QStringLiteral("a"), h.nowMs() + 5), h.nowMs()));
        QCOMPARE(queue.countByState().value(QStringLiteral("queued")), 1);
    }

    void jobIsNotClaimedBeforeItIsDue()
    {
        test::WorkerHarness h;
        JobQueue queue(h.db());
        queue.enqueue(job(QStringLiteral("later"), h.nowMs() + 1000), h.nowMs());
        QVERIFY(!queue.claim(QStringLiteral("w1"), h.nowMs() + 999, 5000));
        const auto claimed = queue.claim(QStringLiteral("w1"), h.nowMs() + 1000, 5000);
        QVERIFY(claimed);
        QCOMPARE(claimed->attempts, 1);
    }

    void leaseHasOneOwnerUntilItExpires()
    {
        test::WorkerHarness h;
        JobQueue queue(h.db());
        const qint64 t = h.nowMs();
        queue.enqueue(job(QStringLiteral("x"), t), t);
        const auto first = queue.claim(QStringLiteral("w1"), t, 5000);
        QVERIFY(first);
        QVERIFY(!queue.claim(QStringLiteral("w2"), t + 4999, 5000));

        const auto second = queue.claim(QStringLiteral("w2"), t + 5000, 5000);
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->attempts, 2);
        // The first owner lost its lease: its completion is refused, the new owner's counts.
        QVERIFY(!queue.complete(*first, t + 5001));
        QCOMPARE(queue.fail(*first, QStringLiteral("late"), t + 5001, 1000),
            JobQueue::FailOutcome::LostLease);
        QVERIFY(queue.complete(*second, t + 5002));
        QCOMPARE(queue.find(first->id)->state, JobState::Done);
    }

    void failureBacksOffExponentiallyThenDies()
    {
        test::WorkerHarness h;
        JobQueue queue(h.db());
        qint64 t = h.nowMs();
        queue.enqueue(job(QStringLiteral("f"), t), t);
        QList<qint64> delays;
        for (int attempt = 1; attempt <= 3; ++attempt) {
            const auto j = queue.claim(QStringLiteral("w"), t, 5000);
            QVERIFY(j);
            QCOMPARE(j->attempts, attempt);
            const auto outcome = queue.fail(*j, QStringLiteral("boom %1").arg(attempt), t, 1000);
            const auto after = queue.find(j->id);
            if (attempt < 3) {
                QCOMPARE(outcome, JobQueue::FailOutcome::Retrying);
                QCOMPARE(after->state, JobState::Queued);
                delays.append(after->runAtMs - t);
                QVERIFY(!queue.claim(QStringLiteral("w"), after->runAtMs - 1, 5000));
                t = after->runAtMs;
            } else {
                QCOMPARE(outcome, JobQueue::FailOutcome::Dead);
                QCOMPARE(after->state, JobState::Dead);
                QCOMPARE(after->lastError, QStringLiteral("boom 3"));
            }
        }
        QCOMPARE(delays, (QList<qint64> {1000, 2000}));
        QVERIFY(!queue.claim(QStringLiteral("w"), t + 1000000, 5000));
    }

    void expiredLastAttemptIsReapedAsDead()
    {
        test::WorkerHarness h;
        JobQueue queue(h.db());
        JobQueue::NewJob one = job(QStringLiteral("once"), h.nowMs());
        one.maxAttempts = 1;
        queue.enqueue(one, h.nowMs());
        QVERIFY(queue.claim(QStringLiteral("w1"), h.nowMs(), 5000));
        QVERIFY(queue.reapExpired(h.nowMs() + 4999).isEmpty());
        QVERIFY(!queue.claim(QStringLiteral("w2"), h.nowMs() + 6000, 5000));
        const auto reaped = queue.reapExpired(h.nowMs() + 6000);
        QCOMPARE(reaped.size(), 1);
        QCOMPARE(queue.findByKey(QStringLiteral("once"))->state, JobState::Dead);
        QVERIFY(!queue.findByKey(QStringLiteral("once"))->lastError.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "test_job_queue.moc"
