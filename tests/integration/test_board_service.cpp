// The board domain at the service level: real SQLite file, no HTTP.
#include "server/features/boards/board_service.h"
#include "server/features/boards/member_service.h"
#include "server/features/cards/card_service.h"
#include "server/features/columns/column_service.h"
#include "server/features/common/position_key.h"
#include "server/features/events/outbox_repository.h"
#include "server/platform/app_error.h"
#include "server/platform/sqlite_access.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"
#include "tests/support/board_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <atomic>
#include <thread>

using namespace corkboard;
using test::cardIn;
using test::codeOf;

namespace {
// The snapshot body (what GET /boards/{id} sends) decoded with the shared codec.
BoardSnapshot decoded(const SnapshotBody &body)
{
    return boardSnapshotFromJson(
        QJsonDocument::fromJson(body.json).object().value(QLatin1String("data")).toObject());
}
} // namespace

class TestBoardService : public QObject
{
    Q_OBJECT
private:
    // Card ids of a column in stored key order, checking keys are valid and strictly increasing.
    QStringList columnOrder(test::BoardFixture &f, const QString &columnId)
    {
        QSqlQuery q(f.db().handle());
        q.prepare(
            QStringLiteral("SELECT id, position FROM cards WHERE column_id = ? ORDER BY position"));
        q.addBindValue(columnId);
        q.exec();
        QStringList ids;
        QString previous;
        while (q.next()) {
            const QString key = q.value(1).toString();
            if (!position::isValid(key) || key <= previous)
                return {QStringLiteral("BAD KEY ") + key};
            previous = key;
            ids.append(q.value(0).toString());
        }
        return ids;
    }

private Q_SLOTS:
    void positionKeysOrderAndSpread()
    {
        QString lo;
        QString hi = position::between(QString(), QString());
        for (int i = 0; i < 200; ++i) { // always halving towards the bottom
            const QString k = position::between(lo, hi);
            QVERIFY(position::isValid(k));
            QVERIFY(k < hi);
            hi = k;
        }
        const QStringList keys = position::spread(QString(), QString(), 1000);
        QCOMPARE(keys.size(), 1000);
        for (int i = 1; i < keys.size(); ++i)
            QVERIFY(keys.at(i - 1) < keys.at(i));
        QVERIFY(keys.last().size() <= 3);
    }

    void fastTimeAgreesWithQt()
    {
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < 2000; ++i) {
            const qint64 ms = qint64(rng->bounded(4102444800.0) * 1000.0); // 1970 … 2100
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            QCOMPARE(QString::fromLatin1(fasttime::formatUtc(ms)), toRfc3339(t));
            QCOMPARE(fasttime::storedTime(toRfc3339(t)), t);
        }
        QVERIFY(!fasttime::parseCanonical(u"2026-13-01T00:00:00.000Z"));
        QCOMPARE(fasttime::storedTime(QStringLiteral("2026-11-25T09:00:00+01:00")),
            QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
    }

    void newBoardHasOwnerAndThreeColumns()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        BoardService boards(f.deps());
        const auto s = boards.create(alice, QStringLiteral("Roadmap"), QString());
        QCOMPARE(s.columns.size(), 3);
        QCOMPARE(s.columns.at(0).name, QStringLiteral("To do"));
        QCOMPARE(s.columns.at(2).name, QStringLiteral("Done"));
        QCOMPARE(s.members.size(), 1);
        QCOMPARE(s.members.first().role, QStringLiteral("owner"));
        QCOMPARE(s.board.seq, 1);
        const auto again = decoded(boards.snapshot(alice, s.board.id, false));
        QCOMPARE(again.board.seq, 1);
        QCOMPARE(again.board.role, QStringLiteral("owner"));
    }

    void snapshotUsesAFixedNumberOfStatements()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        BoardService boards(f.deps());
        CardService cards(f.deps());
        auto measure = [&](int count) {
            const auto s = boards.create(alice, QStringLiteral("B%1").arg(count), QString());
            for (int i = 0; i < count; ++i) {
                const auto d = cards.create(alice, s.board.id,
                    cardIn(s.columns.at(i % 3).id, QStringLiteral("card %1").arg(i)));
                if (i % 5 == 0) {
                    CardPatch p;
                    p.assigneeIds = QStringList {alice};
                    cards.update(alice, d.card.id, p, std::nullopt);
                }
            }
            const qint64 before = f.db().statementCount();
            const auto snap = decoded(boards.snapshot(alice, s.board.id, false));
            const qint64 used = f.db().statementCount() - before;
            if (snap.cards.size() != count)
                return qint64(-1);
            return used;
        };
        const qint64 small = measure(10);
        const qint64 large = measure(200);
        // board + role, seq, columns, cards + 6 per-board aggregates (labels, assignees,
        // checklists, comments, attachment counts, covers), labels, members
        QCOMPARE(small, qint64(12));
        QCOMPARE(large, small);
    }

    void outboxHasOneEventPerMutationInCommitOrder()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        const QString bob = f.addUser(QStringLiteral("Bob"));
        QList<EventEnvelope> published;
        f.bus().subscribe([&](const EventEnvelope &e) { published.append(e); });
        BoardService boards(f.deps());
        MemberService members(f.deps());
        ColumnService columns(f.deps());
        CardService cards(f.deps());

        const auto s = boards.create(alice, QStringLiteral("Ops"), QString());
        members.put(alice, s.board.id, bob, QStringLiteral("editor"));
        ColumnInput ci;
        ci.name = QStringLiteral("Review");
        const auto review = columns.create(alice, s.board.id, ci);
        const auto c1
            = cards.create(bob, s.board.id, cardIn(s.columns.at(0).id, QStringLiteral("one")));
        const auto c2
            = cards.create(bob, s.board.id, cardIn(s.columns.at(0).id, QStringLiteral("two")));
        CardMove mv;
        mv.columnId = review.id;
        cards.move(bob, c1.card.id, mv, std::nullopt);
        CardPatch p;
        p.title = QStringLiteral("two!");
        cards.update(alice, c2.card.id, p, std::nullopt);
        // A refused mutation writes nothing.
        QCOMPARE(
            codeOf([&] { cards.update(alice, c2.card.id, p, 99); }), ErrorCode::PreconditionFailed);
        cards.remove(alice, c1.card.id, std::nullopt);
        members.put(alice, s.board.id, bob, QStringLiteral("viewer"));
        members.remove(alice, s.board.id, bob);

        const QStringList expected {QStringLiteral("board.created"), QStringLiteral("member.added"),
            QStringLiteral("column.created"), QStringLiteral("card.created"),
            QStringLiteral("card.created"), QStringLiteral("card.moved"),
            QStringLiteral("card.updated"), QStringLiteral("card.deleted"),
            QStringLiteral("member.updated"), QStringLiteral("member.removed")};
        const auto events = OutboxRepository(f.db()).since(s.board.id, 0, 1000);
        QCOMPARE(events.size(), expected.size());
        QCOMPARE(published.size(), expected.size());
        for (int i = 0; i < events.size(); ++i) {
            QCOMPARE(events.at(i).type, expected.at(i));
            QCOMPARE(events.at(i).seq, qint64(i + 1)); // monotonic, no gaps
            QCOMPARE(published.at(i).seq, events.at(i).seq);
            QCOMPARE(events.at(i).boardId, s.board.id);
            QVERIFY(events.at(i).at.isValid());
            QVERIFY(QJsonDocument::fromJson(events.at(i).data).isObject());
        }
        QCOMPARE(events.at(5).actorId, bob);
        QCOMPARE(QJsonDocument::fromJson(events.at(5).data)
                     .object()
                     .value(QStringLiteral("column_id"))
                     .toString(),
            review.id);
        QVERIFY(f.scalar(QStringLiteral("SELECT MAX(LENGTH(position)) FROM cards"))
            <= position::kRebalanceLength);
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT COUNT(*) FROM activity")), qint64(expected.size()));
        QCOMPARE(boards.snapshot(alice, s.board.id, false).seq, events.last().seq);
    }

    void concurrentWritersLeaveAGaplessOutbox()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        const auto s = BoardService(f.deps()).create(alice, QStringLiteral("Busy"), QString());
        std::atomic<int> failures {0};
        auto writer = [&](int index) {
            // Each thread has its own connection, as each server thread does.
            auto db = f.openConnection(QStringLiteral("writer%1").arg(index));
            SystemClock clock;
            EventBus bus;
            CardService cards(ServiceDeps {*db, clock, bus});
            for (int i = 0; i < 40; ++i) {
                try {
                    cards.create(alice, s.board.id,
                        cardIn(s.columns.at(index).id, QStringLiteral("w%1-%2").arg(index).arg(i)));
                } catch (...) {
                    ++failures;
                }
            }
        };
        std::thread a(writer, 0);
        std::thread b(writer, 1);
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        const auto events = OutboxRepository(f.db()).since(s.board.id, 0, 1000);
        QCOMPARE(events.size(), 81);
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).seq, qint64(i + 1));
        // Commit order: each writer's cards appear in the outbox in the order it created them.
        QHash<QString, int> last;
        for (const auto &e : events.mid(1)) {
            const QString title = QJsonDocument::fromJson(e.data)
                                      .object()
                                      .value(QStringLiteral("title"))
                                      .toString();
            const QString who = title.section(QLatin1Char('-'), 0, 0);
            const int n = title.section(QLatin1Char('-'), 1).toInt();
            QCOMPARE(n, last.value(who, -1) + 1);
            last[who] = n;
        }
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM cards")), 80);
    }

    void concurrentWritersQueueInProcessNotInSQLitesBusyHandler()
    {
        // Two server threads writing at once: the second waits for the process's single writer,
        // never sleeping in SQLite's busy handler (whose back-off made write p99 > 1 s).
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        const auto s = BoardService(f.deps()).create(alice, QStringLiteral("Queue"), QString());
        std::atomic<int> failures {0};
        auto writer = [&](int index) {
            auto db = f.openConnection(QStringLiteral("queued%1").arg(index));
            SystemClock clock;
            EventBus bus;
            CardService cards(ServiceDeps {*db, clock, bus});
            for (int i = 0; i < 60; ++i) {
                try {
                    cards.create(alice, s.board.id,
                        cardIn(s.columns.at(index).id, QStringLiteral("q%1-%2").arg(index).arg(i)));
                } catch (...) {
                    ++failures;
                }
            }
        };
        const qint64 busyBefore = databaseBusyWaits();
        const quint64 generation = databaseWriteGeneration();
        std::thread a(writer, 0);
        std::thread b(writer, 1);
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(databaseBusyWaits(), busyBefore);
        // Every commit was counted once visible (what the snapshot cache checks against).
        QVERIFY(databaseWriteGeneration() >= generation + 120);
        const auto events = OutboxRepository(f.db()).since(s.board.id, 0, 1000);
        QCOMPARE(events.size(), 121);
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).seq, qint64(i + 1));
    }

    void thousandRandomMovesKeepATotalOrder()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        BoardService boards(f.deps());
        CardService cards(f.deps());
        const auto s = boards.create(alice, QStringLiteral("Moves"), QString());
        QHash<QString, QStringList> model; // column id → card ids in order
        for (const auto &c : s.columns)
            model[c.id] = {};
        for (int i = 0; i < 30; ++i) {
            const QString col = s.columns.at(i % 3).id;
            model[col].append(
                cards.create(alice, s.board.id, cardIn(col, QStringLiteral("c%1").arg(i))).card.id);
        }
        auto *rng = QRandomGenerator::global();
        QHash<QString, QString> columnOf;
        for (auto it = model.begin(); it != model.end(); ++it) {
            for (const auto &id : it.value())
                columnOf.insert(id, it.key());
        }
        const QStringList all = columnOf.keys();
        for (int i = 0; i < 1000; ++i) {
            const QString card = all.at(rng->bounded(int(all.size())));
            const QString target = s.columns.at(rng->bounded(3)).id;
            model[columnOf.value(card)].removeOne(card);
            QStringList &dest = model[target];
            CardMove mv;
            mv.columnId = target;
            const int mode = dest.isEmpty() ? 3 : rng->bounded(4);
            int index = dest.size();
            if (mode == 0) { // after a random card
                index = rng->bounded(int(dest.size()));
                mv.afterCardId.present = true;
                mv.afterCardId.value = dest.at(index);
                ++index;
            } else if (mode == 1) { // before a random card
                index = rng->bounded(int(dest.size()));
                mv.beforeCardId = dest.at(index);
            } else if (mode == 2) { // to the top
                index = 0;
                mv.afterCardId.present = true;
            }
            dest.insert(index, card);
            columnOf.insert(card, target);
            try {
                cards.move(alice, card, mv, std::nullopt);
            } catch (const AppError &e) {
                qWarning() << "move" << i << mode << e.what() << columnOrder(f, target);
                QSqlQuery q(f.db().handle());
                q.exec(QStringLiteral(
                    "SELECT id, column_id, position FROM cards ORDER BY column_id, position"));
                while (q.next())
                    qWarning() << q.value(0).toString().right(4) << q.value(1).toString().right(4)
                               << q.value(2).toString()
                               << (q.value(0).toString() == card ? "SELF" : "");
                throw;
            }
        }
        for (const auto &c : s.columns)
            QCOMPARE(columnOrder(f, c.id), model.value(c.id));
    }

    // Adding cards at the bottom (the default) keeps keys short and never rewrites the column:
    // halving towards the end grew a key by a digit every six cards, so every ~270th new card
    // rebalanced (rewrote) every card of the column inside its own create.
    void cardsAddedAtTheBottomKeepShortKeysAndNeverRebalance()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        BoardService boards(f.deps());
        CardService cards(f.deps());
        const auto s = boards.create(alice, QStringLiteral("Backlog"), QString());
        const QString col = s.columns.first().id;
        QStringList created;
        for (int i = 0; i < 1500; ++i) {
            const qint64 before = f.db().statementCount();
            created.append(
                cards.create(alice, s.board.id, cardIn(col, QStringLiteral("c%1").arg(i))).card.id);
            QVERIFY2(f.db().statementCount() - before < 12,
                qPrintable(QStringLiteral("card %1 rewrote the column").arg(i)));
        }
        QCOMPARE(columnOrder(f, col), created);
        QVERIFY(f.scalar(QStringLiteral("SELECT MAX(LENGTH(position)) FROM cards")) <= 3);
        for (const QString &key : {QStringLiteral("V"), QStringLiteral("Vz"), QStringLiteral("Vzz"),
                 QStringLiteral("zzz"), QStringLiteral("A0B1")}) {
            const QString next = position::after(key);
            QVERIFY2(position::isValid(next) && next > key, qPrintable(key + u" -> " + next));
        }
        QCOMPARE(position::after(QStringLiteral("Vzz")), QStringLiteral("W"));
        QCOMPARE(position::after(QStringLiteral("V")), QStringLiteral("V01"));
        // A list that already reached the end of the key space (keys of the old halving rule).
        QString key = QStringLiteral("zzzzk");
        for (int i = 0; i < 5000; ++i) {
            const QString next = position::after(key);
            QVERIFY2(next > key && position::isValid(next), qPrintable(next));
            key = next;
        }
        QVERIFY2(key.size() <= 8, qPrintable(key));
    }

    void repeatedMovesBetweenTheSameTwoCardsRebalance()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        BoardService boards(f.deps());
        CardService cards(f.deps());
        const auto s = boards.create(alice, QStringLiteral("Squeeze"), QString());
        const QString col = s.columns.first().id;
        const QString a = cards.create(alice, s.board.id, cardIn(col, QStringLiteral("a"))).card.id;
        const QString b = cards.create(alice, s.board.id, cardIn(col, QStringLiteral("b"))).card.id;
        QStringList movers;
        for (int i = 0; i < 4; ++i)
            movers.append(
                cards.create(alice, s.board.id, cardIn(col, QStringLiteral("m%1").arg(i))).card.id);
        // Always squeeze the next mover directly after `a`: the gap halves every time.
        for (int i = 0; i < 600; ++i) {
            CardMove mv;
            mv.columnId = col;
            mv.afterCardId.present = true;
            mv.afterCardId.value = a;
            const auto d = cards.move(alice, movers.at(i % movers.size()), mv, std::nullopt);
            QVERIFY(d.card.position.size() <= position::kRebalanceLength);
        }
        const QStringList order = columnOrder(f, col);
        QCOMPARE(order.size(), 6);
        QCOMPARE(order.first(), a);
        QCOMPARE(order.last(), b);
        QCOMPARE(f.scalar(QStringLiteral("SELECT MAX(LENGTH(position)) FROM cards"))
                <= position::kRebalanceLength,
            true);
    }

    void rolesAndMembershipRules()
    {
        test::BoardFixture f;
        const QString owner = f.addUser(QStringLiteral("Owner"));
        const QString viewer = f.addUser(QStringLiteral("Viewer"));
        const QString stranger = f.addUser(QStringLiteral("Stranger"));
        const QString admin = f.addUser(QStringLiteral("Admin"), QStringLiteral("admin"));
        BoardService boards(f.deps());
        MemberService members(f.deps());
        CardService cards(f.deps());
        const auto s = boards.create(owner, QStringLiteral("Private"), QString());
        members.put(owner, s.board.id, viewer, QStringLiteral("viewer"));
        QCOMPARE(codeOf([&] {
            cards.create(viewer, s.board.id, cardIn(s.columns.first().id, QStringLiteral("x")));
        }),
            ErrorCode::Forbidden);
        QCOMPARE(
            codeOf([&] { boards.snapshot(stranger, s.board.id, false); }), ErrorCode::NotFound);
        QCOMPARE(codeOf([&] { boards.snapshot(admin, s.board.id, false); }), ErrorCode::NotFound);
        QCOMPARE(
            codeOf([&] { members.put(viewer, s.board.id, stranger, QStringLiteral("editor")); }),
            ErrorCode::Forbidden);
        QCOMPARE(codeOf([&] { members.put(owner, s.board.id, owner, QStringLiteral("editor")); }),
            ErrorCode::Conflict);
        QCOMPARE(codeOf([&] { members.remove(owner, s.board.id, owner); }), ErrorCode::Conflict);
        QCOMPARE(codeOf([&] {
            members.put(owner, s.board.id, QStringLiteral("nobody"), QStringLiteral("viewer"));
        }),
            ErrorCode::NotFound);
        // A viewer may leave on their own.
        members.remove(viewer, s.board.id, viewer);
        QCOMPARE(members.list(owner, s.board.id).size(), 1);
    }

    void foreignIdsAreRefusedWithoutWriting()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        const QString bob = f.addUser(QStringLiteral("Bob"));
        BoardService boards(f.deps());
        CardService cards(f.deps());
        const auto mine = boards.create(alice, QStringLiteral("Mine"), QString());
        const auto other = boards.create(alice, QStringLiteral("Other"), QString());
        const qint64 events = f.scalar(QStringLiteral("SELECT COUNT(*) FROM events"));
        QCOMPARE(codeOf([&] {
            cards.create(
                alice, mine.board.id, cardIn(other.columns.first().id, QStringLiteral("x")));
        }),
            ErrorCode::ValidationFailed);
        CardInput withBob = cardIn(mine.columns.first().id, QStringLiteral("x"));
        withBob.assigneeIds = {bob};
        QCOMPARE(codeOf([&] { cards.create(alice, mine.board.id, withBob); }),
            ErrorCode::ValidationFailed);
        CardInput withLabel = cardIn(mine.columns.first().id, QStringLiteral("x"));
        withLabel.labelIds = {QStringLiteral("no-such-label")};
        QCOMPARE(codeOf([&] { cards.create(alice, mine.board.id, withLabel); }),
            ErrorCode::ValidationFailed);
        const auto card = cards.create(
            alice, mine.board.id, cardIn(mine.columns.first().id, QStringLiteral("ok")));
        CardMove mv;
        mv.columnId = other.columns.first().id;
        QCOMPARE(codeOf([&] { cards.move(alice, card.card.id, mv, std::nullopt); }),
            ErrorCode::ValidationFailed);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM cards")), 1);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), events + 1);
    }

    void staleVersionGetsTheCurrentResource()
    {
        test::BoardFixture f;
        const QString alice = f.addUser(QStringLiteral("Alice"));
        BoardService boards(f.deps());
        CardService cards(f.deps());
        const auto s = boards.create(alice, QStringLiteral("V"), QString());
        const auto card
            = cards.create(alice, s.board.id, cardIn(s.columns.first().id, QStringLiteral("t")));
        CardPatch p;
        p.title = QStringLiteral("t2");
        cards.update(alice, card.card.id, p, 1);
        try {
            cards.update(alice, card.card.id, p, 1);
            QFAIL("expected 412");
        } catch (const AppError &e) {
            QCOMPARE(e.code(), ErrorCode::PreconditionFailed);
            const auto current = e.extra().value(QStringLiteral("current")).toObject();
            QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
            QCOMPARE(current.value(QStringLiteral("title")).toString(), QStringLiteral("t2"));
        }
    }
};

QTEST_GUILESS_MAIN(TestBoardService)
#include "test_board_service.moc"
