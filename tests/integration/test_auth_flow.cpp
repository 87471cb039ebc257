// The whole account flow against a real loopback server: register → login → authenticated call
// → refresh (rotation) → reuse of a spent token revokes the family → logout, plus bad input.
#include "tests/support/auth_helpers.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

QJsonObject registration(const QString &email, const QString &name = QStringLiteral("Ada"))
{
    return QJsonObject {{QStringLiteral("email"), email}, {QStringLiteral("password"), kPassword},
        {QStringLiteral("display_name"), name}};
}

HttpResult refresh(TestServer &server, const QString &token)
{
    return httpJson("POST", server.url(QStringLiteral("/api/v1/auth/refresh")),
        QJsonObject {{QStringLiteral("refresh_token"), token}});
}

QString tokenOf(const HttpResult &r, const char *name)
{
    return r.data()
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(QLatin1String(name))
        .toString();
}

} // namespace

class TestAuthFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullFlow();
    void secondAccountNeedsInvite();
    void openRegistration();
    void duplicateEmailIsCaseInsensitive();
    void badRegistrationInput_data();
    void badRegistrationInput();
    void invalidUtf8IsRefused();
    void protectedRoutesNeedToken();
    void wrongPasswordAndUnknownEmailLookAlike();
};

void TestAuthFlow::fullFlow()
{
    TestServer server;
    // Register: the first account is the admin and needs no invite.
    const auto reg = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")),
        registration(QStringLiteral("Ada@Example.com")));
    QCOMPARE(reg.status, 201);
    const QJsonObject user = reg.data().value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("Ada@Example.com"));
    QCOMPARE(user.value(QStringLiteral("display_name")).toString(), QStringLiteral("Ada"));
    QVERIFY(!user.contains(QStringLiteral("password_hash")));
    QCOMPARE(reg.data()
                 .value(QStringLiteral("tokens"))
                 .toObject()
                 .value(QStringLiteral("token_type"))
                 .toString(),
        QStringLiteral("Bearer"));
    QCOMPARE(reg.data()
                 .value(QStringLiteral("tokens"))
                 .toObject()
                 .value(QStringLiteral("expires_in"))
                 .toInt(),
        900);

    // Login (e-mail matched case-insensitively).
    const auto login = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/login")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("ada@example.com")},
            {QStringLiteral("password"), kPassword}});
    QCOMPARE(login.status, 200);
    const QString access = tokenOf(login, "access_token");
    const QString refresh1 = tokenOf(login, "refresh_token");
    QCOMPARE(refresh1.size(), 43);

    // An authenticated call.
    const auto me = httpAuth("GET", server.url(QStringLiteral("/api/v1/users/me")), access);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.data().value(QStringLiteral("id")).toString(),
        user.value(QStringLiteral("id")).toString());
    QCOMPARE(me.header("ETag"), QByteArray("\"1\""));

    // Sessions: the registration and the login are two devices.
    const auto sessions
        = httpAuth("GET", server.url(QStringLiteral("/api/v1/auth/sessions")), access);
    QCOMPARE(sessions.status, 200);
    QCOMPARE(sessions.json().value(QStringLiteral("data")).toArray().size(), 2);

    // Refresh rotates: a new pair; the old refresh token no longer works…
    const auto r2 = refresh(server, refresh1);
    QCOMPARE(r2.status, 200);
    const QString refresh2 = tokenOf(r2, "refresh_token");
    QVERIFY(refresh2 != refresh1);
    QCOMPARE(
        httpAuth("GET", server.url(QStringLiteral("/api/v1/users/me")), tokenOf(r2, "access_token"))
            .status,
        200);

    // …and presenting it again revokes the whole family: the sibling (refresh2) fails too.
    const auto reuse = refresh(server, refresh1);
    QCOMPARE(reuse.status, 401);
    QCOMPARE(reuse.code(), QStringLiteral("UNAUTHENTICATED"));
    const auto sibling = refresh(server, refresh2);
    QCOMPARE(sibling.status, 401);

    // The registration's own session is untouched by that; logout ends it.
    const QString regRefresh = tokenOf(reg, "refresh_token");
    const auto r3 = refresh(server, regRefresh);
    QCOMPARE(r3.status, 200);
    const QString refresh3 = tokenOf(r3, "refresh_token");
    const auto logout = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/logout")),
        QJsonObject {{QStringLiteral("refresh_token"), refresh3}}, tokenOf(r3, "access_token"));
    QCOMPARE(logout.status, 204);
    QCOMPARE(refresh(server, refresh3).status, 401);

    // The database holds hashes only.
    QCOMPARE(test::countRows(server.config(),
                 QStringLiteral("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = '%1' "
                                "OR token_hash = '%2'")
                     .arg(refresh1, refresh3)),
        0);
    QVERIFY(test::countRows(server.config(), QStringLiteral("SELECT COUNT(*) FROM refresh_tokens"))
        >= 4);
}

void TestAuthFlow::secondAccountNeedsInvite()
{
    TestServer server;
    const auto admin = registerUser(server, QStringLiteral("admin@example.com"));
    QCOMPARE(admin.role, QStringLiteral("admin"));
    const auto refused = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")),
        registration(QStringLiteral("bob@example.com")));
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.json()
                 .value(QStringLiteral("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("field"))
                 .toString(),
        QStringLiteral("invite_code"));

    // With an invite (made by the helper) it works, once.
    const auto bob = registerUser(server, QStringLiteral("bob@example.com"));
    QCOMPARE(bob.role, QStringLiteral("member"));
    QVERIFY(!bob.accessToken.isEmpty());

    const auto invite = httpJson(
        "POST", server.url(QStringLiteral("/api/v1/invites")), QJsonObject {}, admin.accessToken);
    QCOMPARE(invite.status, 201);
    const QString code = invite.data().value(QStringLiteral("code")).toString();
    auto body = registration(QStringLiteral("carol@example.com"));
    body.insert(QStringLiteral("invite_code"), code);
    QCOMPARE(
        httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")), body).status, 201);
    body.insert(QStringLiteral("email"), QStringLiteral("dave@example.com"));
    const auto reused = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")), body);
    QCOMPARE(reused.status, 422);

    // Members cannot issue invites.
    QCOMPARE(httpJson("POST", server.url(QStringLiteral("/api/v1/invites")), QJsonObject {},
                 bob.accessToken)
                 .status,
        403);
}

void TestAuthFlow::openRegistration()
{
    TestServer server([](Config &c) { c.openRegistration = true; });
    QCOMPARE(registerUser(server, QStringLiteral("a@example.com")).role, QStringLiteral("admin"));
    const auto second = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")),
        registration(QStringLiteral("b@example.com")));
    QCOMPARE(second.status, 201);
    QCOMPARE(second.data()
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("role"))
                 .toString(),
        QStringLiteral("member"));
}

void TestAuthFlow::duplicateEmailIsCaseInsensitive()
{
    TestServer server([](Config &c) { c.openRegistration = true; });
    registerUser(server, QStringLiteral("same@example.com"));
    const auto dup = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")),
        registration(QStringLiteral("SAME@example.COM")));
    QCOMPARE(dup.status, 409);
    QCOMPARE(dup.code(), QStringLiteral("CONFLICT"));
}

void TestAuthFlow::badRegistrationInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QByteArray pw = "\"password\":\"correct horse battery\"";
    const QByteArray nm = "\"display_name\":\"Ada\"";
    const QByteArray em = "\"email\":\"ok@example.com\"";
    QTest::newRow("missing email") << QByteArray("{" + pw + "," + nm + "}") << "email";
    QTest::newRow("email wrong type")
        << QByteArray("{\"email\":5," + pw + "," + nm + "}") << "email";
    QTest::newRow("not an email") << QByteArray("{\"email\":\"not-an-email\"," + pw + "," + nm
        + "}") << "email";
    QTest::newRow("email no domain dot")
        << QByteArray("{\"email\":\"a@b\"," + pw + "," + nm + "}") << "email";
    QTest::newRow("email with space")
        << QByteArray("{\"email\":\"a b@example.com\"," + pw + "," + nm + "}") << "email";
    QTest::newRow("email too long") << QByteArray(
        "{\"email\":\"" + QByteArray(250, 'a') + "@example.com\"," + pw + "," + nm + "}")
                                    << "email";
    QTest::newRow("password short")
        << QByteArray("{" + em + ",\"password\":\"short\"," + nm + "}") << "password";
    QTest::newRow("password 257") << QByteArray("{" + em + ",\"password\":\"" + QByteArray(257, 'x')
        + "\"," + nm + "}") << "password";
    QTest::newRow("password 10 KB")
        << QByteArray("{" + em + ",\"password\":\"" + QByteArray(10240, 'x') + "\"," + nm + "}")
        << "password";
    QTest::newRow("password NUL") << QByteArray("{" + em + ",\"password\":\"abcdefghij\\u0000k\","
        + nm + "}") << "password";
    QTest::newRow("password number")
        << QByteArray("{" + em + ",\"password\":1234567890," + nm + "}") << "password";
    QTest::newRow("name empty") << QByteArray("{" + em + "," + pw + ",\"display_name\":\"\"}")
                                << "display_name";
    QTest::newRow("name 81") << QByteArray(
        "{" + em + "," + pw + ",\"display_name\":\"" + QByteArray(81, 'n') + "\"}")
                             << "display_name";
    QTest::newRow("name null") << QByteArray("{" + em + "," + pw + ",\"display_name\":null}")
                               << "display_name";
    QTest::newRow("unknown field")
        << QByteArray("{" + em + "," + pw + "," + nm + ",\"admin\":true}") << "admin";
}

void TestAuthFlow::badRegistrationInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    TestServer server;
    const auto r = http("POST", server.url(QStringLiteral("/api/v1/auth/register")), body,
        {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.code(), QStringLiteral("VALIDATION_FAILED"));
    bool found = false;
    for (const auto &e : r.json().value(QStringLiteral("errors")).toArray())
        found = found || e.toObject().value(QStringLiteral("field")).toString() == field;
    QVERIFY2(found, r.body.constData());
    QCOMPARE(test::countRows(server.config(), QStringLiteral("SELECT COUNT(*) FROM users")), 0);
}

void TestAuthFlow::invalidUtf8IsRefused()
{
    TestServer server;
    // Raw bytes that are not UTF-8: the body is not JSON at all (RFC 8259 §8.1), so the pipeline
    // refuses it before any field is read.
    const QByteArray raw = "{\"email\":\"ok@example.com\",\"password\":\"abc\xff\xfe"
                           "defghijk\",\"display_name\":\"Ada\"}";
    const auto r = http("POST", server.url(QStringLiteral("/api/v1/auth/register")), raw,
        {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("MALFORMED_REQUEST"));
    // Valid JSON escaping text that is not Unicode (a lone surrogate): a field error.
    const QByteArray lone = "{\"email\":\"ok@example.com\",\"password\":\"abcdefghijk\\ud800\","
                            "\"display_name\":\"Ada\"}";
    const auto r2 = http("POST", server.url(QStringLiteral("/api/v1/auth/register")), lone,
        {{"Content-Type", "application/json"}});
    QCOMPARE(r2.status, 422);
    QCOMPARE(r2.json()
                 .value(QStringLiteral("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("field"))
                 .toString(),
        QStringLiteral("password"));
    QCOMPARE(test::countRows(server.config(), QStringLiteral("SELECT COUNT(*) FROM users")), 0);
}

void TestAuthFlow::protectedRoutesNeedToken()
{
    TestServer server;
    const auto r = http("GET", server.url(QStringLiteral("/api/v1/users/me")));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.code(), QStringLiteral("UNAUTHENTICATED"));
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
    QCOMPARE(httpAuth("GET", server.url(QStringLiteral("/api/v1/auth/sessions")),
                 QStringLiteral("garbage"))
                 .status,
        401);
    QCOMPARE(http("GET", server.url(QStringLiteral("/api/v1/users/me")), QByteArray(),
                 {{"Authorization", "Basic abc"}})
                 .status,
        401);
}

void TestAuthFlow::wrongPasswordAndUnknownEmailLookAlike()
{
    TestServer server;
    registerUser(server, QStringLiteral("known@example.com"));
    const auto wrong = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/login")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("known@example.com")},
            {QStringLiteral("password"), QStringLiteral("wrong password!")}});
    const auto unknown = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/login")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("nobody@example.com")},
            {QStringLiteral("password"), QStringLiteral("wrong password!")}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.code(), QStringLiteral("INVALID_CREDENTIALS"));
    QCOMPARE(unknown.code(), wrong.code());
    QCOMPARE(unknown.json().value(QStringLiteral("detail")),
        wrong.json().value(QStringLiteral("detail")));
}

QTEST_GUILESS_MAIN(TestAuthFlow)
#include "test_auth_flow.moc"
