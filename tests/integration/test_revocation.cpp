// Revocation that takes effect at once (issue 12): signing out, deleting a session, changing the
// password, reusing a refresh token and disabling a user stop the session's access tokens on every
// server thread (401 UNAUTHENTICATED) and close its live WebSockets with 4401 — at once in the
// process that revoked, and within the feed interval in another instance on the same database.
#include "tests/support/auth_helpers.h"
#include "tests/support/board_api.h"
#include "tests/support/live_test_support.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
// The brief's bound: a revocation reaches every thread and socket within a second.
constexpr int kWithinMs = 1000;

QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toLatin1();
}

//! GET /api/v1/users/me on two fresh connections: the acceptor deals connections round-robin,
//! so with two server threads each thread answers one of them.
QList<int> meOnEveryThread(TestServer &server, const QString &token, QStringList *codes = nullptr)
{
    QList<int> statuses;
    for (int i = 0; i < server.config().threads; ++i) {
        const QByteArray reply = rawExchange(server.port(),
            "GET /api/v1/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer(token)
                + "\r\nConnection: close\r\n\r\n");
        statuses.append(rawStatus(reply));
        if (codes) {
            const qsizetype at = reply.indexOf("\"code\":\"");
            codes->append(
                at < 0 ? QString() : QString::fromLatin1(reply.mid(at + 8).split('"').first()));
        }
    }
    return statuses;
}

//! A live WebSocket per server thread, authenticated with the token.
std::vector<std::unique_ptr<WsClient>> socketsOnEveryThread(
    TestServer &server, const QString &token)
{
    std::vector<std::unique_ptr<WsClient>> sockets;
    for (int i = 0; i < server.config().threads; ++i) {
        auto ws = std::make_unique<WsClient>(server.port());
        if (!ws->connectAndWait() || !ws->authenticate(token))
            return {};
        sockets.push_back(std::move(ws));
    }
    return sockets;
}

QString sessionIdOfCurrent(TestServer &server, const QString &token)
{
    const auto r = httpAuth("GET", server.url(QStringLiteral("/api/v1/auth/sessions")), token);
    const QJsonArray sessions = r.json().value(QStringLiteral("data")).toArray();
    for (const auto &s : sessions) {
        if (s.toObject().value(QStringLiteral("current")).toBool())
            return s.toObject().value(QStringLiteral("id")).toString();
    }
    return QString();
}

bool allClosedWith(std::vector<std::unique_ptr<WsClient>> &sockets, int code)
{
    for (auto &ws : sockets) {
        if (!ws->waitForClosed(kWithinMs) || ws->closeCode() != code)
            return false;
    }
    return true;
}

bool allOpen(std::vector<std::unique_ptr<WsClient>> &sockets)
{
    for (auto &ws : sockets) {
        if (!ws->isConnected())
            return false;
    }
    return true;
}
} // namespace

class TestRevocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logoutStopsTokensAndSockets();
    void deletedSessionStopsAtOnce();
    void passwordChangeStopsOtherSessionsOnly();
    void disablingStopsEverySession();
    void refreshReuseStopsTheFamily();
    void eventStreamEndsOnSignOut();
    void anotherInstanceLearnsFromTheDatabase();
};

void TestRevocation::logoutStopsTokensAndSockets()
{
    TestServer server;
    registerUser(server, QStringLiteral("admin@example.com"));
    const auto user = loginUser(server, QStringLiteral("admin@example.com"));
    const auto other = loginUser(server, QStringLiteral("admin@example.com"));
    QCOMPARE(meOnEveryThread(server, user.accessToken), (QList<int> {200, 200}));
    auto sockets = socketsOnEveryThread(server, user.accessToken);
    QCOMPARE(int(sockets.size()), 2);
    auto otherSockets = socketsOnEveryThread(server, other.accessToken);
    QCOMPARE(int(otherSockets.size()), 2);

    const auto out = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/logout")),
        QJsonObject {{QStringLiteral("refresh_token"), user.refreshToken}}, user.accessToken);
    QCOMPARE(out.status, 204);

    QStringList codes;
    QCOMPARE(meOnEveryThread(server, user.accessToken, &codes), (QList<int> {401, 401}));
    QCOMPARE(codes,
        (QStringList {QStringLiteral("UNAUTHENTICATED"), QStringLiteral("UNAUTHENTICATED")}));
    QVERIFY(allClosedWith(sockets, 4401));
    const QJsonObject error = sockets.front()->waitForType(QStringLiteral("error"), kWithinMs);
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("UNAUTHENTICATED"));
    // A new socket with the signed-out token is refused too.
    WsClient late(server.port());
    QVERIFY(late.connectAndWait());
    QVERIFY(!late.authenticate(user.accessToken, kWithinMs));
    QVERIFY(late.waitForClosed());
    QCOMPARE(late.closeCode(), 4401);
    // The same user's other session is untouched.
    QCOMPARE(meOnEveryThread(server, other.accessToken), (QList<int> {200, 200}));
    QVERIFY(allOpen(otherSockets));
}

void TestRevocation::deletedSessionStopsAtOnce()
{
    TestServer server;
    registerUser(server, QStringLiteral("admin@example.com"));
    const auto laptop = loginUser(server, QStringLiteral("admin@example.com"));
    const auto phone = loginUser(server, QStringLiteral("admin@example.com"));
    const QString laptopSession = sessionIdOfCurrent(server, laptop.accessToken);
    QVERIFY(!laptopSession.isEmpty());
    auto laptopSockets = socketsOnEveryThread(server, laptop.accessToken);
    QCOMPARE(int(laptopSockets.size()), 2);

    const auto gone = httpAuth("DELETE",
        server.url(QStringLiteral("/api/v1/auth/sessions/") + laptopSession), phone.accessToken);
    QCOMPARE(gone.status, 204);

    QCOMPARE(meOnEveryThread(server, laptop.accessToken), (QList<int> {401, 401}));
    QVERIFY(allClosedWith(laptopSockets, 4401));
    QCOMPARE(meOnEveryThread(server, phone.accessToken), (QList<int> {200, 200}));
}

void TestRevocation::passwordChangeStopsOtherSessionsOnly()
{
    TestServer server;
    registerUser(server, QStringLiteral("admin@example.com"));
    const auto stolen = loginUser(server, QStringLiteral("admin@example.com"));
    const auto mine = loginUser(server, QStringLiteral("admin@example.com"));
    auto stolenSockets = socketsOnEveryThread(server, stolen.accessToken);
    auto mySockets = socketsOnEveryThread(server, mine.accessToken);
    QCOMPARE(int(stolenSockets.size()), 2);
    QCOMPARE(int(mySockets.size()), 2);

    const auto changed = httpJson("POST", server.url(QStringLiteral("/api/v1/users/me/password")),
        QJsonObject {{QStringLiteral("current_password"), kPassword},
            {QStringLiteral("new_password"), QStringLiteral("a much better passphrase")}},
        mine.accessToken);
    QCOMPARE(changed.status, 204);

    QCOMPARE(meOnEveryThread(server, stolen.accessToken), (QList<int> {401, 401}));
    QVERIFY(allClosedWith(stolenSockets, 4401));
    QCOMPARE(meOnEveryThread(server, mine.accessToken), (QList<int> {200, 200}));
    QVERIFY(allOpen(mySockets));
}

void TestRevocation::disablingStopsEverySession()
{
    TestServer server;
    const auto admin = registerUser(server, QStringLiteral("admin@example.com"));
    const auto member = registerUser(server, QStringLiteral("member@example.com"));
    const auto second = loginUser(server, QStringLiteral("member@example.com"));
    auto sockets = socketsOnEveryThread(server, member.accessToken);
    auto secondSockets = socketsOnEveryThread(server, second.accessToken);
    QCOMPARE(int(sockets.size()), 2);
    QCOMPARE(int(secondSockets.size()), 2);

    const auto disabled
        = httpJson("PATCH", server.url(QStringLiteral("/api/v1/users/") + member.userId),
            QJsonObject {{QStringLiteral("disabled"), true}}, admin.accessToken);
    QCOMPARE(disabled.status, 200);

    QCOMPARE(meOnEveryThread(server, member.accessToken), (QList<int> {401, 401}));
    QCOMPARE(meOnEveryThread(server, second.accessToken), (QList<int> {401, 401}));
    QVERIFY(allClosedWith(sockets, 4401));
    QVERIFY(allClosedWith(secondSockets, 4401));
    QCOMPARE(meOnEveryThread(server, admin.accessToken), (QList<int> {200, 200}));
}

void TestRevocation::refreshReuseStopsTheFamily()
{
    TestServer server;
    registerUser(server, QStringLiteral("admin@example.com"));
    const auto user = loginUser(server, QStringLiteral("admin@example.com"));
    const auto rotated = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/refresh")),
        QJsonObject {{QStringLiteral("refresh_token"), user.refreshToken}});
    QCOMPARE(rotated.status, 200);
    const QString thiefToken = rotated.data()
                                   .value(QStringLiteral("tokens"))
                                   .toObject()
                                   .value(QStringLiteral("access_token"))
                                   .toString();
    auto sockets = socketsOnEveryThread(server, thiefToken);
    QCOMPARE(int(sockets.size()), 2);

    // The spent token comes back: the whole family goes, with every access token it issued.
    const auto reused = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/refresh")),
        QJsonObject {{QStringLiteral("refresh_token"), user.refreshToken}});
    QCOMPARE(reused.status, 401);

    QCOMPARE(meOnEveryThread(server, thiefToken), (QList<int> {401, 401}));
    QCOMPARE(meOnEveryThread(server, user.accessToken), (QList<int> {401, 401}));
    QVERIFY(allClosedWith(sockets, 4401));
}

void TestRevocation::eventStreamEndsOnSignOut()
{
    TestServer server;
    const auto owner = registerUser(server, QStringLiteral("admin@example.com"));
    const QString boardId = BoardApi {server}.createBoard(owner, {}).first;
    QVERIFY(!boardId.isEmpty());
    const auto user = loginUser(server, QStringLiteral("admin@example.com"));

    QTcpSocket stream;
    stream.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(stream.waitForConnected(5000));
    stream.write("GET /api/v1/events?board_id=" + boardId.toLatin1()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer(user.accessToken)
        + "\r\n\r\n");
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] { return (received += stream.readAll()).contains("event: subscribed"); }, 5000));

    const auto out = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/logout")),
        QJsonObject {{QStringLiteral("refresh_token"), user.refreshToken}}, user.accessToken);
    QCOMPARE(out.status, 204);

    QVERIFY(QTest::qWaitFor(
        [&] {
            received += stream.readAll();
            return stream.state() == QAbstractSocket::UnconnectedState;
        },
        kWithinMs));
    received += stream.readAll();
    QVERIFY2(received.contains("event: error\ndata: {\"code\":\"UNAUTHENTICATED\""),
        received.right(300).constData());
}

void TestRevocation::anotherInstanceLearnsFromTheDatabase()
{
    // Two instances on one database file and one signing key, as a team behind a load balancer.
    const QByteArray secret = QByteArray(40, 'k');
    TestServer first([&](Config &c) { c.jwtSecret = secret; });
    const QString sharedUrl = first.config().databaseUrl;
    TestServer second([&](Config &c) {
        c.jwtSecret = secret;
        c.databaseUrl = sharedUrl;
    });
    registerUser(first, QStringLiteral("admin@example.com"));
    const auto user = loginUser(first, QStringLiteral("admin@example.com"));
    QCOMPARE(meOnEveryThread(second, user.accessToken), (QList<int> {200, 200}));
    auto sockets = socketsOnEveryThread(second, user.accessToken);
    QCOMPARE(int(sockets.size()), 2);

    const auto out = httpJson("POST", first.url(QStringLiteral("/api/v1/auth/logout")),
        QJsonObject {{QStringLiteral("refresh_token"), user.refreshToken}}, user.accessToken);
    QCOMPARE(out.status, 204);

    // The second instance reads the revocation from the database (every 250 ms).
    QVERIFY(allClosedWith(sockets, 4401));
    QCOMPARE(meOnEveryThread(second, user.accessToken), (QList<int> {401, 401}));

    // A role change made on the first instance applies on the second within the same bound,
    // although the second had the old role cached.
    const auto admin = loginUser(first, QStringLiteral("admin@example.com"));
    const auto member = registerUser(first, QStringLiteral("member@example.com"));
    auto invitesStatus = [&] {
        return httpAuth("GET", second.url(QStringLiteral("/api/v1/invites")), member.accessToken)
            .status;
    };
    QCOMPARE(invitesStatus(), 403);
    const auto promoted
        = httpJson("PATCH", first.url(QStringLiteral("/api/v1/users/") + member.userId),
            QJsonObject {{QStringLiteral("role"), QStringLiteral("admin")}}, admin.accessToken);
    QCOMPARE(promoted.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(invitesStatus(), 200, kWithinMs);
}

QTEST_MAIN(TestRevocation)
#include "test_revocation.moc"
