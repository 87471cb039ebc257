// Board-domain benchmarks (not a test: prints figures for tests/bench/README.md, section
// "Boards").
//  1. server-side time of the whole-board snapshot (read + JSON, SQLite C API straight into the
//     JSON) for 200 and 5,000 cards, cache off and on; checks its bytes are exactly what the
//     shared DTO encoder writes for the same board;
//  2. the 200-card snapshot encoded with JsonWriter vs built through QJsonObject/QJsonDocument;
//  3. wrk on loopback: authenticated GET /api/v1/boards/{id} (200 and 5,000 cards) req/s + p99,
//     and POST /api/v1/boards/{id}/cards req/s.
// Usage: bench_boards [seconds per wrk run, default 5] [profile]  (profile: only loop the
// 5,000-card snapshot in-process, for perf)
#include "server/features/boards/board_service.h"
#include "server/features/events/event_bus.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"
#include "tests/bench/bench_seed.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>
#include <QTextStream>
#include <algorithm>
#include <ctime>

using namespace corkboard;
using namespace corkboard::test;

namespace {
QTextStream out(stdout);

// The same snapshot built the slow way, field for field, for the comparison.
QJsonValue t(const QDateTime &d)
{
    return d.isValid() ? QJsonValue(toRfc3339(d)) : QJsonValue(QJsonValue::Null);
}

QJsonObject viaQJson(const BoardSnapshot &s)
{
    QJsonObject board {{QStringLiteral("id"), s.board.id}, {QStringLiteral("name"), s.board.name},
        {QStringLiteral("description"), s.board.description},
        {QStringLiteral("archived"), s.board.archived},
        {QStringLiteral("created_by"), s.board.createdBy}, {QStringLiteral("role"), s.board.role},
        {QStringLiteral("version"), s.board.version}, {QStringLiteral("seq"), s.board.seq},
        {QStringLiteral("created_at"), t(s.board.createdAt)},
        {QStringLiteral("updated_at"), t(s.board.updatedAt)}};
    QJsonArray columns;
    for (const auto &c : s.columns) {
        columns.append(QJsonObject {{QStringLiteral("id"), c.id},
            {QStringLiteral("board_id"), c.boardId}, {QStringLiteral("name"), c.name},
            {QStringLiteral("position"), c.position},
            {QStringLiteral("wip_limit"),
                c.wipLimit ? QJsonValue(*c.wipLimit) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("version"), c.version}, {QStringLiteral("created_at"), t(c.createdAt)},
            {QStringLiteral("updated_at"), t(c.updatedAt)}});
    }
    QJsonArray cards;
    for (const auto &c : s.cards) {
        cards.append(QJsonObject {
            {QStringLiteral("id"), c.id},
            {QStringLiteral("board_id"), c.boardId},
            {QStringLiteral("column_id"), c.columnId},
            {QStringLiteral("position"), c.position},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("description"), c.description},
            {QStringLiteral("due_at"), t(c.dueAt)},
            {QStringLiteral("archived"), c.archived},
            {QStringLiteral("created_by"), c.createdBy},
            {QStringLiteral("label_ids"), QJsonArray::fromStringList(c.labelIds)},
            {QStringLiteral("assignee_ids"), QJsonArray::fromStringList(c.assigneeIds)},
            {QStringLiteral("checklist_progress"),
                QJsonObject {{QStringLiteral("done"), c.checklistDone},
                    {QStringLiteral("total"), c.checklistTotal}}},
            {QStringLiteral("comment_count"), c.commentCount},
            {QStringLiteral("version"), c.version},
            {QStringLiteral("created_at"), t(c.createdAt)},
            {QStringLiteral("updated_at"), t(c.updatedAt)},
        });
    }
    QJsonArray labels;
    for (const auto &l : s.labels) {
        labels.append(QJsonObject {{QStringLiteral("id"), l.id},
            {QStringLiteral("board_id"), l.boardId}, {QStringLiteral("name"), l.name},
            {QStringLiteral("color"), l.color}, {QStringLiteral("version"), l.version},
            {QStringLiteral("created_at"), t(l.createdAt)},
            {QStringLiteral("updated_at"), t(l.updatedAt)}});
    }
    QJsonArray members;
    for (const auto &m : s.members) {
        members.append(QJsonObject {{QStringLiteral("board_id"), m.boardId},
            {QStringLiteral("user_id"), m.userId}, {QStringLiteral("display_name"), m.displayName},
            {QStringLiteral("role"), m.role}, {QStringLiteral("added_at"), t(m.addedAt)}});
    }
    return QJsonObject {{QStringLiteral("data"),
        QJsonObject {{QStringLiteral("board"), board}, {QStringLiteral("columns"), columns},
            {QStringLiteral("cards"), cards}, {QStringLiteral("labels"), labels},
            {QStringLiteral("members"), members}}}};
}

QByteArray viaWriter(const BoardSnapshot &s)
{
    JsonWriter w(1024 + s.cards.size() * 600);
    w.beginObject().key("data");
    writeJson(w, s);
    w.endObject();
    return w.take();
}

struct Stats
{
    double median = 0;
    double p95 = 0;
    double cpuMedian = 0; //!< this thread's CPU time: robust when the machine is oversubscribed
};

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

template<typename F>
Stats timeIt(int runs, F &&f)
{
    QList<double> ms;
    QList<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        f();
        ms.append(double(timer.nsecsElapsed()) / 1e6);
        cpu.append(threadCpuMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms.at(ms.size() / 2), ms.at(qMin(ms.size() - 1, ms.size() * 95 / 100)),
        cpu.at(cpu.size() / 2)};
}

struct WrkResult
{
    double rps = 0;
    QString p99;
};

WrkResult wrk(
    const QString &url, const QByteArray &token, int seconds, const QString &script = QString())
{
    QStringList args {QStringLiteral("-t2"), QStringLiteral("-c16"),
        QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"),
        QStringLiteral("--timeout"), QStringLiteral("10s"), QStringLiteral("-H"),
        QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(token)};
    if (!script.isEmpty())
        args << QStringLiteral("-s") << script;
    args << url;
    QProcess p;
    p.start(QStringLiteral("wrk"), args);
    if (!p.waitForFinished((seconds + 60) * 1000))
        qFatal("wrk did not finish");
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    WrkResult r;
    for (const auto &line : text.split(QLatin1Char('\n'))) {
        const QString l = line.trimmed();
        if (l.startsWith(QLatin1String("Requests/sec:")))
            r.rps = l.mid(13).trimmed().toDouble();
        if (l.startsWith(QLatin1String("99%")))
            r.p99 = l.mid(3).trimmed();
        if (l.contains(QLatin1String("Non-2xx")))
            qFatal("wrk saw errors: %s", qPrintable(l));
    }
    if (r.rps <= 0)
        qFatal("no wrk figure: %s", qPrintable(text));
    return r;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    logging::install(logging::Format::Json, QStringLiteral("warning"));
    crypto::initialize();
    const int seconds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;

    TestServer server([](Config &c) {
        c.rateLimitPerSecond = 1e9;
        c.rateLimitBurst = 1000000000;
    });
    const auto owner = registerUser(server, QStringLiteral("bench-owner@example.com"));
    QStringList members;
    for (int i = 1; i <= 9; ++i)
        members.append(registerUser(server, QStringLiteral("member%1@example.com").arg(i)).userId);
    Database db(server.config(), QStringLiteral("bench-seed"));
    SystemClock clock;
    EventBus bus;
    BoardService boards(ServiceDeps {db, clock, bus}); // no cache: every call reads
    auto decoded = [](const SnapshotBody &body) {
        return boardSnapshotFromJson(
            QJsonDocument::fromJson(body.json).object().value(QLatin1String("data")).toObject());
    };
    if (argc > 2 && QByteArray(argv[2]) == "profile") {
        // For perf: seed the large board, then only serve its snapshot in-process.
        const QString id = bench::seedBoard(db, owner.userId, members, 5000).id;
        qsizetype bytes = 0;
        for (int i = 0; i < 400; ++i)
            bytes += boards.snapshot(owner.userId, id, false).json.size();
        out << "profiled 400 snapshots, " << bytes / 400 << " bytes each" << Qt::endl;
        return 0;
    }
    QElapsedTimer seedTimer;
    seedTimer.start();
    const auto smallBoard = bench::seedBoard(db, owner.userId, members, 200);
    const QString small = smallBoard.id;
    const QString large = bench::seedBoard(db, owner.userId, members, 5000).id;
    out << "seeded 200 + 5,000 cards (8 columns, 10 labels, 10 members; labels, assignees, due "
           "dates, checklists, comments) in "
        << seedTimer.elapsed() << " ms" << Qt::endl;

    SnapshotCache cache(60000);
    BoardService cached(ServiceDeps {db, clock, bus}, &cache);
    for (const auto &[name, boardId] : {std::pair {"200", small}, std::pair {"5,000", large}}) {
        const QString id = boardId; // a lambda may not capture a structured binding (clang 14)
        SnapshotBody body;
        const Stats total = timeIt(30, [&] { body = boards.snapshot(owner.userId, id, false); });
        // Same bytes as the shared DTO encoder writes for the same board (the encoder the
        // QtSql/QVariant read path fed before).
        if (body.json != viaWriter(decoded(body)))
            qFatal("the snapshot reader's bytes differ from the DTO encoder's");
        const BoardSnapshot snap = decoded(body);
        QByteArray json;
        const Stats encode = timeIt(30, [&] { json = viaWriter(snap); });
        cached.snapshot(owner.userId, id, false);
        const Stats hit = timeIt(30, [&] { cached.snapshot(owner.userId, id, false); });
        out << "snapshot of " << name << " cards (" << body.json.size() / 1024
            << " KiB): read+encode (SQLite C API → JSON) median " << total.median << " ms (p95 "
            << total.p95 << " ms; CPU time of the serving thread " << total.cpuMedian
            << " ms); same bytes as the DTO encoder: yes; DTO → JsonWriter encode alone "
            << encode.median << " ms; cache hit (membership + seq checked) median " << hit.median
            << " ms" << Qt::endl;
        if (id == small) {
            QByteArray slow;
            const Stats qjsonEncode = timeIt(
                30, [&] { slow = QJsonDocument(viaQJson(snap)).toJson(QJsonDocument::Compact); });
            if (QJsonDocument::fromJson(slow) != QJsonDocument::fromJson(json))
                qFatal("the two encoders disagree");
            out << "  200 cards via QJsonObject: encode median " << qjsonEncode.median
                << " ms (JsonWriter " << encode.median << " ms, "
                << qjsonEncode.median / encode.median << "x faster)" << Qt::endl;
        }
    }

    const QByteArray token = owner.accessToken.toLatin1();
    const QString smallUrl = server.url(QStringLiteral("/api/v1/boards/") + small);
    const QString largeUrl = server.url(QStringLiteral("/api/v1/boards/") + large);
    const auto single = timeIt(20, [&] { httpAuth("GET", largeUrl, owner.accessToken); });
    out << "one GET of the 5,000-card board over loopback (client included): median "
        << single.median << " ms" << Qt::endl;
    wrk(smallUrl, token, 1);
    const auto base = wrk(server.url(QStringLiteral("/api/v1/server-info")), token, seconds);
    const auto labels
        = wrk(server.url(QStringLiteral("/api/v1/boards/%1/labels").arg(small)), token, seconds);
    out << "baseline on this machine now: wrk GET /api/v1/server-info " << qRound(base.rps)
        << " req/s (p99 " << base.p99
        << "); authenticated GET /api/v1/boards/{id}/labels (8 labels) " << qRound(labels.rps)
        << " req/s (p99 " << labels.p99 << ")" << Qt::endl;
    const auto s = wrk(smallUrl, token, seconds);
    const auto l = wrk(largeUrl, token, seconds);
    out << "wrk -t2 -c16 -d" << seconds << "s, server with 2 threads: GET 200-card board "
        << qRound(s.rps) << " req/s (p99 " << s.p99 << "); GET 5,000-card board " << l.rps
        << " req/s (p99 " << l.p99 << ")" << Qt::endl;

    QTemporaryFile lua;
    lua.open();
    lua.write("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = "
              "\"application/json\"\nwrk.body = '{\"column_id\":\""
        + smallBoard.firstColumnId.toLatin1() + "\",\"title\":\"created by wrk\"}'\n");
    lua.flush();
    const auto create = wrk(server.url(QStringLiteral("/api/v1/boards/%1/cards").arg(small)), token,
        seconds, lua.fileName());
    out << "wrk POST /api/v1/boards/{id}/cards (each a transaction: card + activity + outbox + "
           "FTS): "
        << qRound(create.rps) << " req/s (p99 " << create.p99 << ")" << Qt::endl;
    return 0;
}
