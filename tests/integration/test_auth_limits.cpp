// Rate limits on sign-in and registration (per account and per address, 429 + Retry-After, a
// security log line per refusal) and a log capture of a whole auth flow proving no password or
// token reaches a log line.
#include "server/platform/clock.h"
#include "server/platform/log.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

HttpResult login(TestServer &server, const QString &email, const QString &password)
{
    return httpJson("POST", server.url(QStringLiteral("/api/v1/auth/login")),
        QJsonObject {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
}

struct LogCapture
{
    QMutex mutex;
    QByteArrayList lines;
    LogCapture()
    {
        logging::setSink([this](const QByteArray &line) {
            QMutexLocker lock(&mutex);
            lines.append(line);
        });
    }
    ~LogCapture() { logging::setSink({}); }
    QByteArray all()
    {
        QMutexLocker lock(&mutex);
        return lines.join();
    }
};
} // namespace

class TestAuthLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accountLockoutWithRetryAfter();
    void perAddressLimit();
    void registrationLimit();
    void parallelWrongLoginsGetExactlyTheLimit();
    void parallelPasswordChangesGetExactlyTheLimit();
    void logsCarryNoSecrets();
};

void TestAuthLimits::initTestCase()
{
    // Every category at debug: the capture below must see everything a server could log.
    logging::install(logging::Format::Json, QStringLiteral("debug"));
}

void TestAuthLimits::accountLockoutWithRetryAfter()
{
    auto clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    TestServer server([](Config &c) { c.authRateLimitPerMinute = 3; }, clock);
    registerUser(server, QStringLiteral("victim@example.com"));
    LogCapture capture;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(login(server, QStringLiteral("victim@example.com"),
                     QStringLiteral("wrong guess ") + QString::number(i))
                     .status,
            401);
    const auto locked = login(server, QStringLiteral("victim@example.com"), kPassword);
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.code(), QStringLiteral("RATE_LIMITED"));
    const int retryAfter = locked.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, locked.header("Retry-After").constData());
    QVERIFY(capture.all().contains("auth rate limit reached"));
    QVERIFY(!capture.all().contains("victim@example.com"));

    // Honour Retry-After: one attempt is available again, and the right password gets in.
    clock->advance(qint64(retryAfter) * 1000);
    QCOMPARE(login(server, QStringLiteral("victim@example.com"), kPassword).status, 200);
}

void TestAuthLimits::perAddressLimit()
{
    auto clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    TestServer server([](Config &c) { c.authRateLimitPerMinute = 3; }, clock);
    registerUser(server, QStringLiteral("real@example.com"));
    // Spraying different accounts from one address trips the address limit.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(login(server, QStringLiteral("user%1@example.com").arg(i), kPassword).status, 401);
    const auto r = login(server, QStringLiteral("real@example.com"), kPassword);
    QCOMPARE(r.status, 429);
    QVERIFY(!r.header("Retry-After").isEmpty());
    clock->advance(60 * 1000);
    QCOMPARE(login(server, QStringLiteral("real@example.com"), kPassword).status, 200);
}

void TestAuthLimits::registrationLimit()
{
    auto clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    TestServer server(
        [](Config &c) {
            c.authRateLimitPerMinute = 3;
            c.openRegistration = true;
        },
        clock);
    const QString url = server.url(QStringLiteral("/api/v1/auth/register"));
    for (int i = 0; i < 3; ++i) {
        const auto r = httpJson("POST", url,
            QJsonObject {{QStringLiteral("email"), QStringLiteral("r%1@example.com").arg(i)},
                {QStringLiteral("password"), kPassword},
                {QStringLiteral("display_name"), QStringLiteral("R")}});
        QCOMPARE(r.status, 201);
    }
    const auto refused = httpJson("POST", url,
        QJsonObject {{QStringLiteral("email"), QStringLiteral("r9@example.com")},
            {QStringLiteral("password"), kPassword},
            {QStringLiteral("display_name"), QStringLiteral("R")}});
    QCOMPARE(refused.status, 429);
    QVERIFY(!refused.header("Retry-After").isEmpty());
}

namespace {
//! Sends the same request on `count` connections at once (all written before any answer is
//! read) and returns the statuses; the acceptor spreads the connections over the server threads.
QList<int> parallelStatuses(quint16 port, const QByteArray &request, int count)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> replies(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        sockets.push_back(std::move(socket));
    }
    for (auto &socket : sockets) {
        if (!socket->waitForConnected(5000))
            return {};
    }
    for (auto &socket : sockets)
        socket->write(request);
    const bool allAnswered = QTest::qWaitFor(
        [&] {
            for (size_t i = 0; i < sockets.size(); ++i) {
                replies[i] += sockets[i]->readAll();
                if (sockets[i]->state() != QAbstractSocket::UnconnectedState)
                    return false;
            }
            return true;
        },
        60000);
    if (!allAnswered)
        return {};
    QList<int> statuses;
    for (size_t i = 0; i < sockets.size(); ++i)
        statuses.append(rawStatus(replies[i] + sockets[i]->readAll()));
    return statuses;
}

QByteArray postRequest(const QByteArray &path, const QByteArray &json, const QString &bearer = {})
{
    QByteArray r = "POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(json.size()) + "\r\n";
    if (!bearer.isEmpty())
        r += "Authorization: Bearer " + bearer.toLatin1() + "\r\n";
    return r + "\r\n" + json;
}
} // namespace

void TestAuthLimits::parallelWrongLoginsGetExactlyTheLimit()
{
    // A real Argon2id cost, so each wrong guess takes long enough for both server threads to be
    // inside the password check at once (where "check, hash, then count" let 6 through).
    TestServer server([](Config &c) {
        c.authRateLimitPerMinute = 5;
        c.passwordOpsLimit = 2;
        c.passwordMemLimit = 16 * 1024 * 1024;
    });
    QCOMPARE(server.config().threads, 2);
    registerUser(server, QStringLiteral("victim@example.com"));
    const QList<int> statuses = parallelStatuses(server.port(),
        postRequest("/api/v1/auth/login",
            R"({"email":"victim@example.com","password":"not the password"})"),
        12);
    QCOMPARE(statuses.size(), 12);
    QCOMPARE(statuses.count(401), 5);
    QCOMPARE(statuses.count(429), 7);
}

void TestAuthLimits::parallelPasswordChangesGetExactlyTheLimit()
{
    TestServer server([](Config &c) {
        c.authRateLimitPerMinute = 5;
        c.passwordOpsLimit = 2;
        c.passwordMemLimit = 16 * 1024 * 1024;
    });
    const auto user = registerUser(server, QStringLiteral("victim@example.com"));
    const QList<int> statuses = parallelStatuses(server.port(),
        postRequest("/api/v1/users/me/password",
            R"({"current_password":"a wrong guess","new_password":"whatever it is now"})",
            user.accessToken),
        12);
    QCOMPARE(statuses.size(), 12);
    QCOMPARE(statuses.count(422), 5);
    QCOMPARE(statuses.count(429), 7);
}

void TestAuthLimits::logsCarryNoSecrets()
{
    LogCapture capture;
    QStringList secrets;
    QString dbPath;
    {
        TestServer server;
        const QString p1 = QStringLiteral("first secret password");
        const QString p2 = QStringLiteral("second secret password");
        secrets << p1 << p2;
        const auto admin = registerUser(server, QStringLiteral("log-admin@example.com"), p1);
        const auto bob = registerUser(server, QStringLiteral("log-bob@example.com"), p2);
        secrets << admin.accessToken << admin.refreshToken << bob.accessToken << bob.refreshToken;
        const auto failed = login(
            server, QStringLiteral("log-bob@example.com"), QStringLiteral("a wrong password"));
        QCOMPARE(failed.status, 401);
        secrets << QStringLiteral("a wrong password");
        const auto again = loginUser(server, QStringLiteral("log-bob@example.com"), p2);
        secrets << again.accessToken << again.refreshToken;
        QCOMPARE(httpAuth("GET", server.url(QStringLiteral("/api/v1/users/me")), again.accessToken)
                     .status,
            200);
        const auto refreshed = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/refresh")),
            QJsonObject {{QStringLiteral("refresh_token"), again.refreshToken}});
        QCOMPARE(refreshed.status, 200);
        const auto tokens = refreshed.data().value(QStringLiteral("tokens")).toObject();
        secrets << tokens.value(QStringLiteral("access_token")).toString()
                << tokens.value(QStringLiteral("refresh_token")).toString();
        // Reuse of a spent token: logged as a security event, without the token.
        QCOMPARE(httpJson("POST", server.url(QStringLiteral("/api/v1/auth/refresh")),
                     QJsonObject {{QStringLiteral("refresh_token"), again.refreshToken}})
                     .status,
            401);
        const QString newPassword = QStringLiteral("third secret password");
        secrets << newPassword;
        QCOMPARE(httpJson("POST", server.url(QStringLiteral("/api/v1/users/me/password")),
                     QJsonObject {{QStringLiteral("current_password"), p2},
                         {QStringLiteral("new_password"), newPassword}},
                     admin.accessToken)
                     .status,
            422); // admin's current password is p1: a failed change is logged too
        const auto invite = httpJson("POST", server.url(QStringLiteral("/api/v1/invites")),
            QJsonObject {}, admin.accessToken);
        secrets << invite.data().value(QStringLiteral("code")).toString();
        QCOMPARE(httpJson("POST", server.url(QStringLiteral("/api/v1/auth/logout")),
                     QJsonObject {{QStringLiteral("refresh_token"), admin.refreshToken}},
                     admin.accessToken)
                     .status,
            204);
        dbPath = server.config().sqlitePath();

        // The JWT signing key never reaches a log line either.
        QFile keys(server.dataDir() + QStringLiteral("/jwt-keys.json"));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        const auto doc = QJsonDocument::fromJson(keys.readAll()).object();
        for (const auto &k : doc.value(QStringLiteral("keys")).toArray())
            secrets << k.toObject().value(QStringLiteral("secret")).toString();

        // The database keeps no refresh token or invite code in clear, only hashes.
        const QString name = QStringLiteral("secret-scan");
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QByteArray dump;
            for (const QString &table : {QStringLiteral("users"), QStringLiteral("refresh_tokens"),
                     QStringLiteral("invites")}) {
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("SELECT * FROM ") + table));
                while (q.next()) {
                    for (int i = 0; i < q.record().count(); ++i)
                        dump += q.value(i).toString().toUtf8() + '\n';
                }
            }
            QVERIFY(dump.contains("$argon2id$"));
            for (const auto &secret : std::as_const(secrets))
                QVERIFY2(!dump.contains(secret.toUtf8()), "a secret is stored in clear");
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    const QByteArray logs = capture.all();
    QVERIFY(logs.contains("sign-in failed"));
    QVERIFY(logs.contains("refresh token family revoked"));
    QVERIFY(logs.count('\n') > 15);
    for (const auto &secret : std::as_const(secrets)) {
        QVERIFY(secret.size() >= 10);
        QVERIFY2(!logs.contains(secret.toUtf8()),
            qPrintable(QStringLiteral("a secret reached the logs")));
        // Not even a recognisable part of a token (e.g. the signature of a JWT).
        QVERIFY(!logs.contains(secret.right(20).toUtf8()));
    }
}

QTEST_GUILESS_MAIN(TestAuthLimits)
#include "test_auth_limits.moc"
