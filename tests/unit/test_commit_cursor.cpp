// CommitCursor: a reader of sequence-numbered rows that commit out of order (PostgreSQL, several
// writers) reads again from the oldest gap, so the row that commits late is still seen once.
#include "server/platform/commit_cursor.h"

#include <QTest>

using corkboard::CommitCursor;

class TestCommitCursor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsInOrderMoveTheCursor()
    {
        CommitCursor cursor;
        cursor.reset(10);
        QCOMPARE(cursor.readAfter(), 10);
        QVERIFY(cursor.accept(11, 0));
        QVERIFY(cursor.accept(12, 0));
        QCOMPARE(cursor.readAfter(), 12);
        QCOMPARE(cursor.openGaps(), 0);
        QVERIFY(!cursor.accept(12, 0)); // read again: not new
    }

    void aLaterNumberCommittedFirstLeavesAGapThatIsReadAgain()
    {
        CommitCursor cursor(1000);
        cursor.reset(0);
        QVERIFY(cursor.accept(1, 0));
        QVERIFY(cursor.accept(3, 0)); // 2 is still being written
        QCOMPARE(cursor.openGaps(), 1);
        QCOMPARE(cursor.readAfter(), 1); // the next read starts before 2
        QVERIFY(!cursor.accept(3, 10)); // seen already
        QVERIFY(cursor.accept(2, 10)); // committed late: new, once
        QVERIFY(!cursor.accept(2, 20));
        QCOMPARE(cursor.openGaps(), 0);
        QCOMPARE(cursor.readAfter(), 3);
    }

    void aGapThatNeverFillsIsForgottenAfterTheGracePeriod()
    {
        CommitCursor cursor(1000);
        cursor.reset(5);
        QVERIFY(cursor.accept(8, 100)); // 6 and 7 missing
        QCOMPARE(cursor.openGaps(), 2);
        cursor.expire(1099);
        QCOMPARE(cursor.readAfter(), 5);
        cursor.expire(1100); // rolled back: no longer waited for
        QCOMPARE(cursor.openGaps(), 0);
        QCOMPARE(cursor.readAfter(), 8);
    }

    void aHugeJumpIsNotWaitedFor()
    {
        CommitCursor cursor;
        cursor.reset(1);
        QVERIFY(cursor.accept(1000000, 0)); // a restored or re-cached sequence
        QCOMPARE(cursor.openGaps(), 0);
        QCOMPARE(cursor.readAfter(), 1000000);
    }
};

QTEST_GUILESS_MAIN(TestCommitCursor)
#include "test_commit_cursor.moc"
