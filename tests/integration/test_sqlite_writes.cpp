// SQLite's writers, at the service level (real SQLite file, no HTTP): the WAL stays bounded under
// sustained writes, and the write lane's batch keeps each request's writes apart. SQLite only: a
// PostgreSQL server has neither a WAL file of ours nor a write lane.
#include "server/features/boards/board_service.h"
#include "server/features/cards/card_service.h"
#include "server/features/events/outbox_repository.h"
#include "server/platform/app_error.h"
#include "tests/support/board_fixture.h"

#include <QFileInfo>
#include <QTest>
#include <atomic>
#include <thread>

using namespace corkboard;
using test::cardIn;
using test::codeOf;

class TestSqliteWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sustainedWritesKeepTheWalBounded()
    {
        // Two server threads creating cards without a pause: the WAL must start over after its
        // checkpoints, not grow for as long as the writes go on (it grew by ~200 MB/s, and with
        // it the disk use and every reader's WAL lookups).
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        const auto s = BoardService(f.deps()).create(alice, QStringLiteral("Busy"), QString());
        const QString wal = f.db().path() + QStringLiteral("-wal");
        std::atomic<int> failures {0};
        std::atomic<qint64> largestWal {0};
        constexpr int perWriter = 1500;
        auto writer = [&](int index) {
            auto db = f.openConnection(QStringLiteral("sustained%1").arg(index));
            SystemClock clock;
            EventBus bus;
            CardService cards(ServiceDeps {*db, clock, bus});
            for (int i = 0; i < perWriter; ++i) {
                try {
                    cards.create(alice, s.board.id,
                        cardIn(s.columns.at(index).id, QStringLiteral("s%1-%2").arg(index).arg(i)));
                } catch (...) {
                    ++failures;
                }
                if (index == 0 && i % 50 == 0) {
                    const qint64 size = QFileInfo(wal).size();
                    if (size > largestWal)
                        largestWal = size;
                }
            }
        };
        std::thread a(writer, 0);
        std::thread b(writer, 1);
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM cards")), 2 * perWriter);
        // The checkpoint starts at 1,000 pages (4 MiB); 3,000 creations write well over 100 MiB
        // of WAL frames. Bounded means a few checkpoint intervals at most.
        QVERIFY2(largestWal.load() < 16 * 1024 * 1024,
            qPrintable(QStringLiteral("WAL reached %1 bytes").arg(largestWal.load())));
    }

    void aLaneBatchKeepsWhatSucceededAndPublishesAfterItsCommit()
    {
        // The write lane's transaction: each request in a savepoint. A request that failed,
        // whether it threw or left a Transaction uncommitted, is undone alone; nothing is
        // visible or published before the batch commits.
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        const auto s = BoardService(f.deps()).create(alice, QStringLiteral("Lane"), QString());
        auto db = f.openConnection(QStringLiteral("lane"));
        SystemClock clock;
        EventBus bus;
        QStringList published;
        bus.subscribe([&published](const EventEnvelope &e) { published.append(e.type); });
        CardService cards(ServiceDeps {*db, clock, bus});
        const QString column = s.columns.at(0).id;
        db->beginBatch();
        db->beginJob();
        cards.create(alice, s.board.id, cardIn(column, QStringLiteral("kept 1")));
        QVERIFY(db->endJob(true));
        db->beginJob(); // wrote, then its handler failed
        cards.create(alice, s.board.id, cardIn(column, QStringLiteral("undone")));
        QVERIFY(db->endJob(false));
        db->beginJob(); // a Transaction left without commit (an early return)
        {
            Transaction abandoned(*db);
            cards.create(alice, s.board.id, cardIn(column, QStringLiteral("abandoned")));
        }
        QVERIFY(db->endJob(true));
        db->beginJob();
        QCOMPARE(codeOf([&] {
            cards.create(
                alice, s.board.id, cardIn(QStringLiteral("no-such-column"), QStringLiteral("x")));
        }),
            ErrorCode::ValidationFailed);
        QVERIFY(db->endJob(false));
        db->beginJob();
        cards.create(alice, s.board.id, cardIn(column, QStringLiteral("kept 2")));
        QVERIFY(db->endJob(true));
        QVERIFY(published.isEmpty());
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM cards")), 0); // not yet committed
        QVERIFY(db->commitBatch());
        QCOMPARE(published,
            (QStringList {QStringLiteral("card.created"), QStringLiteral("card.created")}));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM cards")), 2);
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT COUNT(*) FROM cards WHERE title LIKE 'kept %'")), 2);
        const auto events = OutboxRepository(f.db()).since(s.board.id, 0, 100);
        QCOMPARE(events.size(), 3); // board.created and the two cards, gapless
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).seq, qint64(i + 1));
    }
};

QTEST_GUILESS_MAIN(TestSqliteWrites)
#include "test_sqlite_writes.moc"
