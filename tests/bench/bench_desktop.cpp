// Desktop benchmarks (figures in tests/bench/README.md, section "Desktop"):
//   1. cold start → board window painted: a fresh process with the embedded server, signing in
//      silently and opening a 200-card board;
//   2. snapshot received → 5,000-card board interactive (decode + models + view painted);
//   3. resident memory at idle with the embedded server (after 1.).
// Usage: bench_desktop            (runs all three; spawns itself with --child for 1. and 3.)
#include "app/boards/board_view.h"
#include "app/boards/boards_list.h"
#include "app/boards/open_board.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/desktop_session.h"
#include "app/shell/embedded_server.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "shared/client/boards_api.h"
#include "shared/client/cards_api.h"
#include "shared/client/token_store.h"
#include "shared/dto/snapshot.h"
#include "tests/support/test_server.h"
#include <QAbstractScrollArea>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

using namespace corkboard;
using namespace corkboard::ui;

namespace {

template<class T>
T await(QFuture<T> f)
{
    while (!f.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return f.result();
}

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

Config benchConfig(const QString &dir)
{
    Config config; // the real defaults (real password hashing, one server thread)
    config.mode = RunMode::Desktop;
    config.dataDir = dir;
    config.databaseUrl = QStringLiteral("sqlite:") + dir + QStringLiteral("/corkboard.db");
    QDir().mkpath(dir);
    config.logLevel = QStringLiteral("warning");
    // The real worker: this bench's own binary does not understand --worker.
    config.workerProgram = qEnvironmentVariable("CORKBOARD_BINARY",
        QCoreApplication::applicationDirPath() + QStringLiteral("/../corkboard"));
    return config;
}

//! A token store whose one token came through stdin from the parent (never a file).
class PipeTokenStore final : public client::TokenStore
{
public:
    explicit PipeTokenStore(QString token)
        : m_token(std::move(token))
    {
    }
    QFuture<client::TokenRead> readToken(const client::TokenKey &) override
    {
        return client::readyFuture(client::TokenRead(m_token));
    }
    QFuture<client::ApiResult<client::NoContent>> writeToken(
        const client::TokenKey &, const QString &t) override
    {
        m_token = t;
        return client::readyFuture(client::ApiResult<client::NoContent>(client::NoContent {}));
    }
    QFuture<client::ApiResult<client::NoContent>> removeToken(const client::TokenKey &) override
    {
        m_token.clear();
        return client::readyFuture(client::ApiResult<client::NoContent>(client::NoContent {}));
    }

private:
    QString m_token;
};

//! Parent: a data dir with one account and a 200-card board; returns the refresh token.
QString seed(const QString &dir, AppSettings &settings)
{
    EmbeddedServer server(benchConfig(dir));
    QString url;
    QObject::connect(&server, &EmbeddedServer::started, [&](const QString &u) { url = u; });
    server.start();
    while (url.isEmpty())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    auto tokens = std::make_shared<client::MemoryTokenStore>();
    ApiBackend backend {QUrl(url), tokens, &settings};
    bool done = false;
    backend.registerAccount(&backend, QStringLiteral("bench@example.com"),
        QStringLiteral("bench password 123"), QStringLiteral("Bench User"), QString(),
        [&](const Outcome<User> &r) {
            if (!r.ok())
                qFatal("register failed: %s", qPrintable(r.error.message));
            done = true;
        });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    client::BoardsApi boards(*backend.api());
    client::CardsApi cards(*backend.api());
    const auto snap = await(boards.createBoard(QStringLiteral("Bench board")));
    const auto &columns = snap.value().columns;
    const auto &board = snap.value();
    for (int i = 0; i < 200; ++i) {
        client::NewCard card;
        card.columnId = columns.at(i % columns.size()).id;
        card.title
            = QStringLiteral("Card %1 with a title long enough to wrap onto a second line").arg(i);
        if (i % 3 == 0)
            card.dueAt = QDateTime::currentDateTimeUtc().addDays(i % 7 - 2);
        if (!await(cards.createCard(board.board.id, card)))
            qFatal("card create failed");
    }
    settings.setShape(AppSettings::Shape::Local);
    settings.setLocalPort(QUrl(url).port());
    const QString refresh = backend.api()->refreshTokenForLogout();
    bool stopped = false;
    QObject::connect(&server, &EmbeddedServer::stopped, [&] { stopped = true; });
    server.stop();
    while (!stopped)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    out(QStringLiteral("seeded 200 cards in %1").arg(board.board.id));
    return refresh;
}

//! Child: the real desktop start, timed to the first paint of the open board.
int child(const QString &dir, const QString &boardName)
{
    QElapsedTimer clock;
    clock.start();
    QTextStream in(stdin);
    const QString token = in.readLine();
    AppSettings settings(dir + QStringLiteral("/settings.ini"));
    settings.setKeepInTray(false);
    MessageBox::setSilent(true);
    auto store = std::make_shared<PipeTokenStore>(token);
    DesktopSession session(benchConfig(dir + QStringLiteral("/data")), &settings,
        [&](const QUrl &url, QObject *parent) -> Backend * {
            return new ApiBackend(url, store, &settings, parent);
        });
    QObject::connect(&session, &DesktopSession::sessionStarted, [&] {
        MainWindow *w = session.window();
        QObject::connect(
            w->boardsList()->model(), &QAbstractItemModel::modelReset, w, [w, boardName] {
                const auto *m = w->boardsList()->model();
                for (int i = 0; i < m->rowCount(); ++i) {
                    if (m->boardAt(i)->name == boardName)
                        w->openBoard(m->boardAt(i)->id);
                }
            });
        QObject::connect(w->currentBoard(), &OpenBoard::boardLoaded, w, [w, &clock] {
            // Painted: the next paint of the board view after the models are filled.
            class PaintWatch : public QObject
            {
            public:
                QElapsedTimer *clock;
                bool done = false;
                bool eventFilter(QObject *, QEvent *e) override
                {
                    if (e->type() == QEvent::Paint && !done) {
                        done = true;
                        const qint64 ms = clock->elapsed();
                        QTimer::singleShot(
                            0, [ms] { out(QStringLiteral("painted_ms %1").arg(ms)); });
                        QTimer::singleShot(3000, [] {
                            out(QStringLiteral("idle_rss_kb %1").arg(rssKb()));
                            QCoreApplication::exit(0);
                        });
                    }
                    return false;
                }
            };
            auto *watch = new PaintWatch;
            watch->clock = &clock;
            watch->setParent(w);
            const auto columns = w->boardView()->findChildren<QWidget *>(QStringLiteral("cards"));
            for (QWidget *c : columns)
                static_cast<QAbstractScrollArea *>(c)->viewport()->installEventFilter(watch);
            w->boardView()->update();
        });
    });
    session.start();
    return QApplication::exec();
}

void snapshotToInteractive()
{
    // A 5,000-card snapshot as the server sends it (4 columns, labels, assignees, due dates).
    QJsonArray columns, cards, labels, members;
    for (int c = 0; c < 4; ++c)
        columns.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("col%1").arg(c)},
            {QStringLiteral("board_id"), QStringLiteral("b")},
            {QStringLiteral("name"), QStringLiteral("Column %1").arg(c)},
            {QStringLiteral("position"), QStringLiteral("a%1").arg(c)},
            {QStringLiteral("version"), 1}});
    for (int l = 0; l < 5; ++l)
        labels.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("l%1").arg(l)},
            {QStringLiteral("name"), QStringLiteral("Label %1").arg(l)},
            {QStringLiteral("color"), QStringLiteral("#3a7bd5")}});
    members.append(QJsonObject {{QStringLiteral("user_id"), QStringLiteral("u1")},
        {QStringLiteral("display_name"), QStringLiteral("Ada Lovelace")},
        {QStringLiteral("role"), QStringLiteral("owner")}});
    for (int i = 0; i < 5000; ++i)
        cards.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("card%1").arg(i)},
            {QStringLiteral("board_id"), QStringLiteral("b")},
            {QStringLiteral("column_id"), QStringLiteral("col%1").arg(i % 4)},
            {QStringLiteral("position"), QStringLiteral("p%1").arg(i, 6, 10, QLatin1Char('0'))},
            {QStringLiteral("title"), QStringLiteral("Card number %1 of the big board").arg(i)},
            {QStringLiteral("label_ids"), QJsonArray {QStringLiteral("l%1").arg(i % 5)}},
            {QStringLiteral("assignee_ids"), QJsonArray {QStringLiteral("u1")}},
            {QStringLiteral("due_at"), QStringLiteral("2026-12-0%1T10:00:00.000Z").arg(1 + i % 9)},
            {QStringLiteral("checklist_done"), i % 4}, {QStringLiteral("checklist_total"), 4},
            {QStringLiteral("comment_count"), i % 7}, {QStringLiteral("version"), 1}});
    const QJsonObject data {{QStringLiteral("board"),
                                QJsonObject {{QStringLiteral("id"), QStringLiteral("b")},
                                    {QStringLiteral("name"), QStringLiteral("Big")},
                                    {QStringLiteral("seq"), 1}, {QStringLiteral("version"), 1}}},
        {QStringLiteral("columns"), columns}, {QStringLiteral("cards"), cards},
        {QStringLiteral("labels"), labels}, {QStringLiteral("members"), members}};
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("data"),
            data}}).toJson(QJsonDocument::Compact);

    OpenBoard controller(nullptr);
    BoardView view(&controller, nullptr);
    view.resize(1300, 850);
    view.show();
    QCoreApplication::processEvents();
    QElapsedTimer t;
    t.start();
    const QJsonObject parsed
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toObject();
    const BoardSnapshot snapshot = boardSnapshotFromJson(parsed);
    const qint64 decoded = t.elapsed();
    controller.applySnapshot(snapshot);
    const qint64 modelled = t.elapsed();
    view.repaint();
    QCoreApplication::processEvents(); // first layout batch, first paint: the board answers input
    const qint64 interactive = t.elapsed();
    out(QStringLiteral(
        "snapshot_5000: body %1 KB, decode %2 ms, models %3 ms, interactive %4 ms, cards %5")
            .arg(body.size() / 1024)
            .arg(decoded)
            .arg(modelled)
            .arg(interactive)
            .arg(controller.cardCount()));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("corkboard-bench"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() >= 4 && args.at(1) == QLatin1String("--child"))
        return child(args.at(2), args.at(3));

    snapshotToInteractive();

    for (int run = 0; run < 3; ++run) {
        // A fresh data dir per run: the child rotates the refresh token it is handed.
        QTemporaryDir dir;
        QString refresh;
        {
            AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
            refresh = seed(dir.filePath(QStringLiteral("data")), settings);
        }
        QProcess proc;
        proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer wall;
        wall.start();
        proc.start(QCoreApplication::applicationFilePath(),
            {QStringLiteral("--child"), dir.path(), QStringLiteral("Bench board")});
        proc.write((refresh + QLatin1Char('\n')).toUtf8());
        while (!proc.canReadLine() && proc.state() == QProcess::Running)
            proc.waitForReadyRead(100);
        const qint64 wallMs = wall.elapsed();
        const QByteArray first = proc.readLine();
        proc.waitForFinished(30000);
        const QByteArray rest = proc.readAll();
        out(QStringLiteral("cold_start run %1: %2 (process start to paint, wall: %3 ms) %4")
                .arg(run)
                .arg(QString::fromUtf8(first.trimmed()))
                .arg(wallMs)
                .arg(QString::fromUtf8(rest.trimmed())));
    }
    return 0;
}
