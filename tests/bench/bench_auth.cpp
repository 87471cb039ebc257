// Auth benchmarks (not a test: prints figures for tests/bench/README.md).
//  1. login latency at the default Argon2id cost, end to end over loopback HTTP;
//  2. the token check in the pipeline: the same trivial route with auth on and off, in-process;
//  3. wrk on loopback: authenticated GET /api/v1/users/me vs public GET /api/v1/server-info.
// Usage: bench_auth [seconds per wrk run, default 5]
#include "server/features/auth/jwt_authenticator.h"
#include "server/features/auth/jwt_codec.h"
#include "server/features/common/controller_util.h"
#include "server/features/common/server_context.h"
#include "server/features/users/user_repository.h"
#include "server/host/server_host.h"
#include "server/http/router.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>
#include <algorithm>

using namespace corkboard;
using namespace corkboard::test;

namespace {
QTextStream out(stdout);

void loginLatency()
{
    TestServer server([](Config &c) {
        const Config defaults;
        c.passwordOpsLimit = defaults.passwordOpsLimit;
        c.passwordMemLimit = defaults.passwordMemLimit;
    });
    registerUser(server, QStringLiteral("bench@example.com"));
    QList<double> ms;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer t;
        t.start();
        const auto user = loginUser(server, QStringLiteral("bench@example.com"));
        ms.append(double(t.nsecsElapsed()) / 1e6);
        if (user.accessToken.isEmpty())
            qFatal("login failed");
    }
    QList<double> unknown;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer t;
        t.start();
        http("POST", server.url(QStringLiteral("/api/v1/auth/login")),
            "{\"email\":\"nobody@example.com\",\"password\":\"whatever123\"}",
            {{"Content-Type", "application/json"}});
        unknown.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(unknown.begin(), unknown.end());
    out << "login (opslimit " << server.config().passwordOpsLimit << ", memlimit "
        << server.config().passwordMemLimit / (1024 * 1024)
        << " MiB), 20 sequential logins: median " << ms.at(10) << " ms, p95 " << ms.at(18)
        << " ms, min " << ms.first() << " ms" << Qt::endl;
    out << "login with an unknown e-mail (dummy hash): median " << unknown.at(10) << " ms"
        << Qt::endl;
}

void pipelineComparison()
{
    QTemporaryDir dir;
    Config config = testConfig(dir.path());
    config.rateLimitPerSecond = 1e9;
    config.rateLimitBurst = 1000000000;
    auto clock = std::make_shared<SystemClock>();
    ServerContext context(config, clock);
    migrateAtStartup(config);
    context.jwtKeys.load();
    Database db(config, QStringLiteral("bench"));
    ThreadContext thread {context, db, 0};

    UserRecord user;
    user.user.id = crypto::newId();
    user.user.email = QStringLiteral("b@example.com");
    user.user.displayName = QStringLiteral("B");
    user.user.role = QStringLiteral("member");
    user.user.createdAt = user.user.updatedAt = clock->now();
    user.passwordHash = QStringLiteral("x");
    UserRepository(db).insert(user, user.user.email);
    const QByteArray token = JwtCodec(context.jwtKeys, *clock)
                                 .issue(user.user.id, user.user.role, QStringLiteral("s"))
                                 .toLatin1();

    Router router;
    auto handler
        = [](Request &) { return Response::data(200, QByteArrayLiteral("{\"ok\":true}")); };
    RouteOptions open;
    open.auth = false;
    router.add("GET", QStringLiteral("/bench/open"), handler, open);
    router.add("GET", QStringLiteral("/bench/authed"), handler);
    Pipeline pipeline(config, router, context.rateLimiter, context.metrics);
    JwtAuthenticator authenticator(accountDeps(thread));
    pipeline.setAuthenticator(&authenticator);

    auto run = [&](const QString &path, bool withToken) {
        const int n = 100000;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i) {
            Request r;
            r.method = "GET";
            r.path = path;
            r.peer = QHostAddress::LocalHost;
            if (withToken)
                r.headers.append({"Authorization", "Bearer " + token});
            if (pipeline.handle(r).status != 200)
                qFatal("unexpected status");
        }
        return n / (double(t.nsecsElapsed()) / 1e9);
    };
    {
        const int n = 100000;
        JwtCodec codec(context.jwtKeys, *clock);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i)
            codec.verify(token);
        const double verifyUs = double(t.nsecsElapsed()) / 1e3 / n;
        Request r;
        r.headers.append({"Authorization", "Bearer " + token});
        t.restart();
        for (int i = 0; i < n; ++i)
            authenticator.authenticate(r);
        const double authUs = double(t.nsecsElapsed()) / 1e3 / n;
        out << "JwtCodec::verify alone " << QString::number(verifyUs, 'f', 2)
            << " µs; JwtAuthenticator::authenticate (verify + revocation check + user cache) "
            << QString::number(authUs, 'f', 2) << " µs" << Qt::endl;

        // The same with 10,000 revoked sessions in memory (sign-outs of a busy quarter hour) and
        // a revocation arriving every 1,000 checks (each makes every thread re-take the set).
        QList<Revocation> many;
        for (int i = 0; i < 10000; ++i) {
            Revocation revoked;
            revoked.id = i + 1;
            revoked.subject = crypto::newId();
            revoked.userId = user.user.id;
            revoked.expiresAtMs = clock->nowMs() + 3600 * 1000;
            many.append(revoked);
        }
        context.revocations.apply(many);
        t.restart();
        for (int i = 0; i < n; ++i)
            authenticator.authenticate(r);
        const double revokedUs = double(t.nsecsElapsed()) / 1e3 / n;
        qint64 nextId = 20000;
        t.restart();
        for (int i = 0; i < n; ++i) {
            if (i % 1000 == 0) {
                Revocation revoked;
                revoked.id = ++nextId;
                revoked.subject = crypto::newId();
                revoked.expiresAtMs = clock->nowMs() + 3600 * 1000;
                context.revocations.apply({revoked});
            }
            authenticator.authenticate(r);
        }
        const double churnUs = double(t.nsecsElapsed()) / 1e3 / n;
        out << "JwtAuthenticator::authenticate with 10000 revoked sessions in memory "
            << QString::number(revokedUs, 'f', 2) << " µs; with a new revocation every 1000 "
            << "checks " << QString::number(churnUs, 'f', 2) << " µs" << Qt::endl;
    }
    run(QStringLiteral("/bench/open"), false); // warm up
    const double openRps = run(QStringLiteral("/bench/open"), false);
    const double authedRps = run(QStringLiteral("/bench/authed"), true);
    out << "pipeline in-process, same trivial route, 100000 requests on one thread: open "
        << qRound(openRps) << " req/s, with token check " << qRound(authedRps) << " req/s ("
        << QString::number(100.0 * (openRps - authedRps) / openRps, 'f', 1)
        << "% fewer; token check ≈ " << QString::number(1e6 / authedRps - 1e6 / openRps, 'f', 2)
        << " µs/request)" << Qt::endl;
}

double wrk(const QString &url, const QByteArray &token, int seconds)
{
    QStringList args {QStringLiteral("-t2"), QStringLiteral("-c32"),
        QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--timeout"), QStringLiteral("5s")};
    if (!token.isEmpty())
        args << QStringLiteral("-H")
             << QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(token);
    args << url;
    QProcess p;
    p.start(QStringLiteral("wrk"), args);
    if (!p.waitForFinished((seconds + 30) * 1000))
        qFatal("wrk did not finish");
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (const auto &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Requests/sec:")))
            return line.mid(13).trimmed().toDouble();
        if (line.contains(QLatin1String("Non-2xx")))
            qFatal("wrk saw errors: %s", qPrintable(line));
    }
    qFatal("no wrk figure: %s", qPrintable(text));
}

void wrkComparison(int seconds)
{
    TestServer server([](Config &c) {
        c.rateLimitPerSecond = 1e9;
        c.rateLimitBurst = 1000000000;
    });
    const auto user = registerUser(server, QStringLiteral("wrk@example.com"));
    const QString me = server.url(QStringLiteral("/api/v1/users/me"));
    const QString info = server.url(QStringLiteral("/api/v1/server-info"));
    wrk(info, {}, 1); // warm up
    const double infoRps = wrk(info, {}, seconds);
    const double meRps = wrk(me, user.accessToken.toLatin1(), seconds);
    const double infoWithHeader = wrk(info, user.accessToken.toLatin1(), seconds);
    out << "wrk -t2 -c32 -d" << seconds
        << "s on loopback, server with 2 threads: GET /api/v1/server-info " << qRound(infoRps)
        << " req/s; same with an (unchecked) Authorization header " << qRound(infoWithHeader)
        << " req/s; authenticated GET /api/v1/users/me (token check + user cache + one SELECT) "
        << qRound(meRps) << " req/s" << Qt::endl;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    logging::install(logging::Format::Json, QStringLiteral("warning"));
    crypto::initialize();
    // bench_auth [seconds] runs everything; bench_auth pipeline runs only the in-process part.
    if (argc > 1 && QByteArray(argv[1]) == "pipeline") {
        pipelineComparison();
        return 0;
    }
    const int seconds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    loginLatency();
    pipelineComparison();
    wrkComparison(seconds);
    return 0;
}
