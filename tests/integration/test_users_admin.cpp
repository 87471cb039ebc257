// Accounts after sign-in: sessions, password change, profile, directory, admin role/disable
// (effective on the very next request), rehash at a new cost.
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

HttpResult refresh(TestServer &server, const QString &token)
{
    return httpJson("POST", server.url(QStringLiteral("/api/v1/auth/refresh")),
        QJsonObject {{QStringLiteral("refresh_token"), token}});
}

QString storedHash(const QString &dbPath, const QString &email)
{
    const QString name = QStringLiteral("hash-probe");
    QString hash;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT password_hash FROM users WHERE email_normalized = ?"));
            q.addBindValue(email);
            if (q.exec() && q.next())
                hash = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return hash;
}
} // namespace

class TestUsersAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionsListAndRevoke();
    void passwordChangeRevokesOtherSessions();
    void profileUpdateWithIfMatch();
    void displayNamesRefuseInvisibleCharacters();
    void directorySearch();
    void disabledUserIsRejectedAtOnce();
    void roleChangeAppliesAtOnce();
    void lastAdminIsKept();
    void adminRoutesNeedAdmin();
    void invitesListAndDelete();
    void rehashOnLoginWhenCostChanged();
};

void TestUsersAdmin::sessionsListAndRevoke()
{
    TestServer server;
    const auto a = registerUser(server, QStringLiteral("s@example.com"));
    const auto b = loginUser(server, QStringLiteral("s@example.com"));
    const auto list
        = httpAuth("GET", server.url(QStringLiteral("/api/v1/auth/sessions")), a.accessToken);
    QCOMPARE(list.status, 200);
    const QJsonArray sessions = list.json().value(QStringLiteral("data")).toArray();
    QCOMPARE(sessions.size(), 2);
    QString other;
    int current = 0;
    for (const auto &s : sessions) {
        if (s.toObject().value(QStringLiteral("current")).toBool())
            ++current;
        else
            other = s.toObject().value(QStringLiteral("id")).toString();
    }
    QCOMPARE(current, 1);
    QVERIFY(!other.isEmpty());
    QCOMPARE(httpAuth("DELETE", server.url(QStringLiteral("/api/v1/auth/sessions/") + other),
                 a.accessToken)
                 .status,
        204);
    QCOMPARE(refresh(server, b.refreshToken).status, 401);
    QCOMPARE(refresh(server, a.refreshToken).status, 200);
    QCOMPARE(
        httpAuth("DELETE", server.url(QStringLiteral("/api/v1/auth/sessions/nope")), a.accessToken)
            .status,
        404);
}

void TestUsersAdmin::passwordChangeRevokesOtherSessions()
{
    TestServer server;
    const auto a = registerUser(server, QStringLiteral("p@example.com"));
    const auto b = loginUser(server, QStringLiteral("p@example.com"));
    const QString url = server.url(QStringLiteral("/api/v1/users/me/password"));
    const auto wrong = httpJson("POST", url,
        QJsonObject {{QStringLiteral("current_password"), QStringLiteral("not the password")},
            {QStringLiteral("new_password"), QStringLiteral("a brand new secret")}},
        a.accessToken);
    QCOMPARE(wrong.status, 422);
    const auto tooShort = httpJson("POST", url,
        QJsonObject {{QStringLiteral("current_password"), kPassword},
            {QStringLiteral("new_password"), QStringLiteral("short")}},
        a.accessToken);
    QCOMPARE(tooShort.status, 422);
    const auto ok = httpJson("POST", url,
        QJsonObject {{QStringLiteral("current_password"), kPassword},
            {QStringLiteral("new_password"), QStringLiteral("a brand new secret")}},
        a.accessToken);
    QCOMPARE(ok.status, 204);
    QCOMPARE(refresh(server, b.refreshToken).status, 401); // the other device is signed out
    QCOMPARE(refresh(server, a.refreshToken).status, 200); // this one stays
    const auto oldLogin = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/login")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("p@example.com")},
            {QStringLiteral("password"), kPassword}});
    QCOMPARE(oldLogin.status, 401);
    QVERIFY(
        !loginUser(server, QStringLiteral("p@example.com"), QStringLiteral("a brand new secret"))
             .accessToken.isEmpty());
}

void TestUsersAdmin::profileUpdateWithIfMatch()
{
    TestServer server;
    const auto a = registerUser(server, QStringLiteral("me@example.com"));
    const QString url = server.url(QStringLiteral("/api/v1/users/me"));
    const auto patched = httpJson("PATCH", url,
        QJsonObject {{QStringLiteral("display_name"), QStringLiteral("New Name")}}, a.accessToken);
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.data().value(QStringLiteral("display_name")).toString(),
        QStringLiteral("New Name"));
    QCOMPARE(patched.data().value(QStringLiteral("version")).toInt(), 2);
    const auto stale = http("PATCH", url, "{\"display_name\":\"Other\"}",
        {{"Content-Type", "application/json"}, {"If-Match", "\"1\""},
            {"Authorization", "Bearer " + a.accessToken.toLatin1()}});
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.json()
                 .value(QStringLiteral("current"))
                 .toObject()
                 .value(QStringLiteral("version"))
                 .toInt(),
        2);
    const auto bad = httpJson("PATCH", url,
        QJsonObject {{QStringLiteral("display_name"), QString(81, QLatin1Char('x'))}},
        a.accessToken);
    QCOMPARE(bad.status, 422);
    QCOMPARE(
        httpAuth("GET", url, a.accessToken).data().value(QStringLiteral("display_name")).toString(),
        QStringLiteral("New Name"));
}

void TestUsersAdmin::displayNamesRefuseInvisibleCharacters()
{
    TestServer server([](Config &c) { c.openRegistration = true; });
    const auto me
        = registerUser(server, QStringLiteral("me@example.com"), kPassword, QStringLiteral("Ada"));
    const QString url = server.url(QStringLiteral("/api/v1/users/me"));
    auto firstErrorCode = [](const HttpResult &r) {
        return r.json()
            .value(QStringLiteral("errors"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    };
    // Bidi embeddings/overrides, isolates, marks, the Arabic letter mark; zero-width characters.
    for (const char16_t c : {u'\u202A', u'\u202B', u'\u202C', u'\u202D', u'\u202E', u'\u2066',
             u'\u2067', u'\u2068', u'\u2069', u'\u200E', u'\u200F', u'\u061C', u'\u200B', u'\u200C',
             u'\u200D', u'\uFEFF', u'\u2060'}) {
        const QByteArray which = "U+" + QByteArray::number(int(c), 16).toUpper();
        // "Ada" + the character + "nimda": looks like another name once the text is reordered.
        const QString name = QStringLiteral("Ada") + QChar(c) + QStringLiteral("nimda");
        const auto patched = httpJson(
            "PATCH", url, QJsonObject {{QStringLiteral("display_name"), name}}, me.accessToken);
        QVERIFY2(patched.status == 422, which.constData());
        QCOMPARE(patched.json()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
            QStringLiteral("display_name"));
        QCOMPARE(firstErrorCode(patched), QStringLiteral("invisible_characters"));
        // Registration applies the same rule.
        const auto registered = httpJson("POST",
            server.url(QStringLiteral("/api/v1/auth/register")),
            QJsonObject {{QStringLiteral("email"), QStringLiteral("x%1@example.com").arg(int(c))},
                {QStringLiteral("password"), kPassword}, {QStringLiteral("display_name"), name}});
        QVERIFY2(registered.status == 422, which.constData());
        QCOMPARE(firstErrorCode(registered), QStringLiteral("invisible_characters"));
    }
    QCOMPARE(httpAuth("GET", url, me.accessToken)
                 .data()
                 .value(QStringLiteral("display_name"))
                 .toString(),
        QStringLiteral("Ada"));
    // Ordinary names in any script still pass, right-to-left ones included.
    const auto plain = httpJson("PATCH", url,
        QJsonObject {{QStringLiteral("display_name"), QStringLiteral("Zoë 李 عائشة")}},
        me.accessToken);
    QCOMPARE(plain.status, 200);
}

void TestUsersAdmin::directorySearch()
{
    TestServer server;
    const auto a = registerUser(
        server, QStringLiteral("alice@example.com"), kPassword, QStringLiteral("Alice"));
    registerUser(server, QStringLiteral("bob@example.com"), kPassword, QStringLiteral("Bob"));
    registerUser(server, QStringLiteral("bobby@example.com"), kPassword, QStringLiteral("Bobby"));
    const auto r
        = httpAuth("GET", server.url(QStringLiteral("/api/v1/users?q=bob&limit=1")), a.accessToken);
    QCOMPARE(r.status, 200);
    const auto page1 = r.json().value(QStringLiteral("data")).toArray();
    QCOMPARE(page1.size(), 1);
    QCOMPARE(page1.at(0).toObject().value(QStringLiteral("display_name")).toString(),
        QStringLiteral("Bob"));
    const QString cursor = r.json().value(QStringLiteral("next_cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    const auto r2 = httpAuth("GET",
        server.url(QStringLiteral("/api/v1/users?q=bob&limit=1&cursor=") + cursor), a.accessToken);
    QCOMPARE(r2.json()
                 .value(QStringLiteral("data"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("display_name"))
                 .toString(),
        QStringLiteral("Bobby"));
    QVERIFY(r2.json().value(QStringLiteral("next_cursor")).isNull());
    QCOMPARE(
        httpAuth("GET", server.url(QStringLiteral("/api/v1/users?limit=0")), a.accessToken).status,
        422);
}

void TestUsersAdmin::disabledUserIsRejectedAtOnce()
{
    TestServer server;
    const auto admin = registerUser(server, QStringLiteral("admin@example.com"));
    const auto bob = registerUser(server, QStringLiteral("bob@example.com"));
    const QString me = server.url(QStringLiteral("/api/v1/users/me"));
    QCOMPARE(httpAuth("GET", me, bob.accessToken).status, 200); // now cached as enabled
    const auto disable
        = httpJson("PATCH", server.url(QStringLiteral("/api/v1/users/") + bob.userId),
            QJsonObject {{QStringLiteral("disabled"), true}}, admin.accessToken);
    QCOMPARE(disable.status, 200);
    QCOMPARE(disable.data().value(QStringLiteral("disabled")).toBool(), true);
    // The very next request with bob's still-unexpired access token is refused (both threads).
    for (int i = 0; i < 4; ++i)
        QCOMPARE(httpAuth("GET", me, bob.accessToken).status, 401);
    QCOMPARE(refresh(server, bob.refreshToken).status, 401);
    const auto login = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/login")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("bob@example.com")},
            {QStringLiteral("password"), kPassword}});
    QCOMPARE(login.status, 403);
    // Enabled again: can sign in again.
    QCOMPARE(httpJson("PATCH", server.url(QStringLiteral("/api/v1/users/") + bob.userId),
                 QJsonObject {{QStringLiteral("disabled"), false}}, admin.accessToken)
                 .status,
        200);
    QVERIFY(!loginUser(server, QStringLiteral("bob@example.com")).accessToken.isEmpty());
}

void TestUsersAdmin::roleChangeAppliesAtOnce()
{
    TestServer server;
    const auto admin = registerUser(server, QStringLiteral("admin@example.com"));
    const auto bob = registerUser(server, QStringLiteral("bob@example.com"));
    const QString invites = server.url(QStringLiteral("/api/v1/invites"));
    QCOMPARE(httpAuth("GET", invites, bob.accessToken).status, 403);
    QCOMPARE(httpJson("PATCH", server.url(QStringLiteral("/api/v1/users/") + bob.userId),
                 QJsonObject {{QStringLiteral("role"), QStringLiteral("admin")}}, admin.accessToken)
                 .status,
        200);
    QCOMPARE(httpAuth("GET", invites, bob.accessToken).status, 200); // same token, new role
}

void TestUsersAdmin::lastAdminIsKept()
{
    TestServer server;
    const auto admin = registerUser(server, QStringLiteral("admin@example.com"));
    const QString url = server.url(QStringLiteral("/api/v1/users/") + admin.userId);
    QCOMPARE(
        httpJson("PATCH", url, QJsonObject {{QStringLiteral("role"), QStringLiteral("member")}},
            admin.accessToken)
            .status,
        409);
    QCOMPARE(
        httpJson("PATCH", url, QJsonObject {{QStringLiteral("disabled"), true}}, admin.accessToken)
            .status,
        409);
    QCOMPARE(httpJson("PATCH", url, QJsonObject {{QStringLiteral("role"), QStringLiteral("owner")}},
                 admin.accessToken)
                 .status,
        422);
    QCOMPARE(
        httpJson("PATCH", url, QJsonObject {{QStringLiteral("disabled"), QStringLiteral("yes")}},
            admin.accessToken)
            .status,
        422);
    QCOMPARE(httpJson("PATCH", url, QJsonObject {}, admin.accessToken).status, 422);
    QCOMPARE(httpJson("PATCH", server.url(QStringLiteral("/api/v1/users/missing")),
                 QJsonObject {{QStringLiteral("disabled"), true}}, admin.accessToken)
                 .status,
        404);
}

void TestUsersAdmin::adminRoutesNeedAdmin()
{
    TestServer server;
    const auto admin = registerUser(server, QStringLiteral("admin@example.com"));
    const auto bob = registerUser(server, QStringLiteral("bob@example.com"));
    QCOMPARE(httpJson("PATCH", server.url(QStringLiteral("/api/v1/users/") + admin.userId),
                 QJsonObject {{QStringLiteral("disabled"), true}}, bob.accessToken)
                 .status,
        403);
    QCOMPARE(
        httpAuth("DELETE", server.url(QStringLiteral("/api/v1/invites/whatever")), bob.accessToken)
            .status,
        403);
}

void TestUsersAdmin::invitesListAndDelete()
{
    TestServer server;
    const auto admin = registerUser(server, QStringLiteral("admin@example.com"));
    const auto created = httpJson("POST", server.url(QStringLiteral("/api/v1/invites")),
        QJsonObject {{QStringLiteral("role"), QStringLiteral("admin")}}, admin.accessToken);
    QCOMPARE(created.status, 201);
    const QString code = created.data().value(QStringLiteral("code")).toString();
    QVERIFY(code.size() >= 20);
    const auto list
        = httpAuth("GET", server.url(QStringLiteral("/api/v1/invites")), admin.accessToken);
    const auto rows = list.json().value(QStringLiteral("data")).toArray();
    QCOMPARE(rows.size(), 1);
    QVERIFY(!rows.at(0).toObject().contains(QStringLiteral("code"))); // only shown once
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("code_prefix")).toString(), code.left(6));
    QCOMPARE(
        httpAuth("DELETE", server.url(QStringLiteral("/api/v1/invites/") + code), admin.accessToken)
            .status,
        204);
    QCOMPARE(
        httpAuth("DELETE", server.url(QStringLiteral("/api/v1/invites/") + code), admin.accessToken)
            .status,
        404);
    const auto reg = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("x@example.com")},
            {QStringLiteral("password"), kPassword},
            {QStringLiteral("display_name"), QStringLiteral("X")},
            {QStringLiteral("invite_code"), code}});
    QCOMPARE(reg.status, 422);
}

void TestUsersAdmin::rehashOnLoginWhenCostChanged()
{
    QString dbPath;
    QTemporaryDir dir;
    auto useDir = [&dir](Config &c) {
        c.dataDir = dir.path();
        c.databaseUrl = QStringLiteral("sqlite:") + dir.path() + QStringLiteral("/corkboard.db");
    };
    {
        TestServer server([&](Config &c) {
            useDir(c);
            c.passwordMemLimit = 8192;
        });
        registerUser(server, QStringLiteral("cost@example.com"));
        dbPath = server.config().sqlitePath();
    }
    const QString before = storedHash(dbPath, QStringLiteral("cost@example.com"));
    QVERIFY2(before.contains(QLatin1String("m=8,")), qPrintable(before));
    {
        TestServer server([&](Config &c) {
            useDir(c);
            c.passwordMemLimit = 16384;
        });
        QVERIFY(!loginUser(server, QStringLiteral("cost@example.com")).accessToken.isEmpty());
    }
    const QString after = storedHash(dbPath, QStringLiteral("cost@example.com"));
    QVERIFY2(
        after.startsWith(QLatin1String("$argon2id$")) && after.contains(QLatin1String("m=16,")),
        qPrintable(after));
}

QTEST_GUILESS_MAIN(TestUsersAdmin)
#include "test_users_admin.moc"
