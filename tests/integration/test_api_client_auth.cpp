// The typed client against the real server on loopback: the whole auth flow, transparent refresh
// of an expired access token (server ManualClock), one shared refresh for ten concurrent calls,
// and typed validation errors.
#include "server/platform/clock.h"
#include "shared/client/auth_api.h"
#include "shared/client/error_presenter.h"
#include "shared/client/server_api.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QSignalSpy>
#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

namespace {

constexpr int kWait = 20000;
const QString kPassword = QStringLiteral("correct horse battery");

} // namespace

class TestApiClientAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullAuthFlow()
    {
        TestServer server;
        auto store = std::make_shared<MemoryTokenStore>();
        ApiClient client(QUrl(server.url(QString())), store, fastOptions());
        AuthApi auth(client);
        UsersApi users(client);
        QSignalSpy signedIn(&client, &ApiClient::signedIn);

        // The first account becomes admin and is signed in at once.
        const auto registered = waitFor(auth.registerAccount(
            QStringLiteral("ada@example.com"), kPassword, QStringLiteral("Ada")));
        QVERIFY2(registered.isOk(), qPrintable(why(registered)));
        QCOMPARE(registered.value().role, QStringLiteral("admin"));
        QVERIFY(client.isSignedIn());
        QCOMPARE(client.accountId(), registered.value().id);
        QCOMPARE(signedIn.size(), 1);
        const TokenKey key {server.url(QString()), registered.value().id};
        QVERIFY(waitFor(store->readToken(key)).value().has_value());

        const auto me = waitFor(users.me());
        QVERIFY2(me.isOk(), qPrintable(why(me)));
        QCOMPARE(me.value().email, QStringLiteral("ada@example.com"));

        const auto renamed = waitFor(users.updateMe(QStringLiteral("Ada L."), me.value().version));
        QVERIFY2(renamed.isOk(), qPrintable(why(renamed)));
        QCOMPARE(renamed.value().displayName, QStringLiteral("Ada L."));
        // A stale version: 412, typed, with the current resource attached.
        const auto stale = waitFor(users.updateMe(QStringLiteral("Ada X."), me.value().version));
        QVERIFY(!stale.isOk());
        QVERIFY(stale.error().is(ErrorCode::PreconditionFailed));

        const auto sessions = waitFor(auth.sessions());
        QVERIFY2(sessions.isOk(), qPrintable(why(sessions)));
        QCOMPARE(sessions.value().size(), 1);
        QVERIFY(sessions.value().first().current);
        // The device list names the program and the system, not a browser's "Mozilla/5.0".
        QCOMPARE(sessions.value().first().device, ApiClient::userAgent());
        QVERIFY(ApiClient::userAgent().startsWith(QStringLiteral("Corkboard/")));

        const auto invite = waitFor(auth.createInvite());
        QVERIFY2(invite.isOk(), qPrintable(why(invite)));
        QVERIFY(!invite.value().code.isEmpty());

        // A second person joins with the invite, on another client.
        ApiClient other(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto bob = waitFor(AuthApi(other).registerAccount(QStringLiteral("bob@example.com"),
            kPassword, QStringLiteral("Bob"), invite.value().code));
        QVERIFY2(bob.isOk(), qPrintable(why(bob)));
        QCOMPARE(bob.value().role, QStringLiteral("member"));
        const auto directory = waitFor(users.directory(QStringLiteral("bob")));
        QVERIFY2(directory.isOk(), qPrintable(why(directory)));
        QCOMPARE(directory.value().items.size(), 1);
        QCOMPARE(directory.value().items.first().displayName, QStringLiteral("Bob"));

        // Sign out: server revokes, the store forgets, calls now fail without a request.
        QVERIFY2(waitFor(auth.logout()).isOk(), "logout");
        QVERIFY(!client.isSignedIn());
        QVERIFY(!waitFor(store->readToken(key)).value().has_value());
        const auto afterLogout = waitFor(users.me());
        QVERIFY(!afterLogout.isOk());
        QCOMPARE(afterLogout.error().kind, ApiError::Kind::Session);

        // Sign in again; a new client (the next start of the app) restores from the store.
        const auto login = waitFor(auth.login(QStringLiteral("ada@example.com"), kPassword));
        QVERIFY2(login.isOk(), qPrintable(why(login)));
        ApiClient restarted(QUrl(server.url(QString())), store, fastOptions());
        const auto restored = waitFor(restarted.restoreSession(login.value().id));
        QVERIFY2(restored.isOk(), qPrintable(why(restored)));
        QCOMPARE(waitFor(UsersApi(restarted).me()).value().displayName, QStringLiteral("Ada L."));
        // Restoring rotated the refresh token, so the first client's copy is spent: its next
        // refresh is refused (reuse) and its session ends with a clear signal.
        QSignalSpy ended(&client, &ApiClient::sessionEnded);
        QVERIFY(!waitFor(client.refreshSession()).isOk());
        QCOMPARE(ended.size(), 1);
    }

    void accountManagementCalls()
    {
        TestServer server;
        ApiClient admin(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto info = waitFor(ServerApi(admin).serverInfo());
        QVERIFY2(info.isOk(), qPrintable(why(info)));
        QCOMPARE(info.value().apiVersion, QStringLiteral("v1"));
        QCOMPARE(info.value().registration, QStringLiteral("invite"));
        QVERIFY(waitFor(ServerApi(admin).health()).isOk());

        AuthApi auth(admin);
        QVERIFY(waitFor(auth.registerAccount(
                            QStringLiteral("ada@example.com"), kPassword, QStringLiteral("Ada")))
                    .isOk());
        const auto invite = waitFor(auth.createInvite());
        QVERIFY2(invite.isOk(), qPrintable(why(invite)));
        const auto spare = waitFor(auth.createInvite());
        QVERIFY(spare.isOk());
        QCOMPARE(waitFor(auth.invites()).value().size(), 2);
        QVERIFY(waitFor(auth.deleteInvite(spare.value().code)).isOk());

        ApiClient member(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto bob = waitFor(AuthApi(member).registerAccount(QStringLiteral("bob@example.com"),
            kPassword, QStringLiteral("Bob"), invite.value().code));
        QVERIFY2(bob.isOk(), qPrintable(why(bob)));
        // The deleted invite no longer works.
        ApiClient third(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        QVERIFY(!waitFor(AuthApi(third).registerAccount(QStringLiteral("eve@example.com"),
                             kPassword, QStringLiteral("Eve"), spare.value().code))
                     .isOk());

        // A member may not use admin calls; the admin may.
        const auto denied = waitFor(
            UsersApi(member).adminUpdate(bob.value().id, QStringLiteral("admin"), std::nullopt));
        QVERIFY(!denied.isOk());
        QCOMPARE(denied.error().status, 403);
        const auto promoted = waitFor(
            UsersApi(admin).adminUpdate(bob.value().id, QStringLiteral("admin"), std::nullopt));
        QVERIFY2(promoted.isOk(), qPrintable(why(promoted)));
        QCOMPARE(promoted.value().role, QStringLiteral("admin"));

        // Bob signs in on a second device, then revokes it from the first.
        ApiClient laptop(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        QVERIFY(
            waitFor(AuthApi(laptop).login(QStringLiteral("bob@example.com"), kPassword)).isOk());
        const auto devices = waitFor(AuthApi(member).sessions());
        QVERIFY2(devices.isOk(), qPrintable(why(devices)));
        QCOMPARE(devices.value().size(), 2);
        QString other;
        for (const auto &s : devices.value()) {
            if (!s.current)
                other = s.id;
        }
        QVERIFY(!other.isEmpty());
        QVERIFY(waitFor(AuthApi(member).revokeSession(other)).isOk());
        QSignalSpy laptopEnded(&laptop, &ApiClient::sessionEnded);
        QVERIFY(!waitFor(laptop.refreshSession()).isOk());
        QCOMPARE(laptopEnded.size(), 1);

        // Changing the password keeps this device signed in.
        const auto changed = waitFor(UsersApi(member).changePassword(
            kPassword, QStringLiteral("an even better passphrase")));
        QVERIFY2(changed.isOk(), qPrintable(why(changed)));
        QVERIFY(waitFor(UsersApi(member).me()).isOk());
        QVERIFY(waitFor(AuthApi(third).login(QStringLiteral("bob@example.com"),
                            QStringLiteral("an even better passphrase")))
                    .isOk());
    }

    void wrongPasswordIsTypedAndNotRetried()
    {
        TestServer server;
        ApiClient client(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        AuthApi auth(client);
        QVERIFY(waitFor(auth.registerAccount(
                            QStringLiteral("ada@example.com"), kPassword, QStringLiteral("Ada")))
                    .isOk());
        QVERIFY(waitFor(auth.logout()).isOk());
        QSignalSpy refreshes(&client, &ApiClient::refreshStarted);
        const auto r = waitFor(
            auth.login(QStringLiteral("ada@example.com"), QStringLiteral("wrong password!")));
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().status, 401);
        QVERIFY(r.error().is(ErrorCode::InvalidCredentials));
        QVERIFY(!r.error().requestId.isEmpty());
        QCOMPARE(ErrorPresenter::message(r.error()),
            ErrorPresenter::message(ErrorCode::InvalidCredentials));
        QCOMPARE(refreshes.size(), 0);
        QVERIFY(!client.isSignedIn());
    }

    void validationErrorsArrivePerField()
    {
        TestServer server;
        ApiClient client(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto r = waitFor(AuthApi(client).registerAccount(
            QStringLiteral("not-an-email"), QStringLiteral("short"), QStringLiteral("Ada")));
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().status, 422);
        QVERIFY(r.error().is(ErrorCode::ValidationFailed));
        QVERIFY(!r.error().errorsFor(QStringLiteral("email")).isEmpty());
        QVERIFY(!r.error().errorsFor(QStringLiteral("password")).isEmpty());
        QVERIFY(r.error().errorsFor(QStringLiteral("display_name")).isEmpty());
        const auto fields = ErrorPresenter::fieldMessages(r.error());
        QVERIFY(fields.contains(QStringLiteral("email")));
        QVERIFY(fields.contains(QStringLiteral("password")));
        QVERIFY(!client.isSignedIn());
    }

    void expiredAccessTokenIsRefreshedTransparently()
    {
        auto serverClock = std::make_shared<ManualClock>();
        TestServer server({}, serverClock);
        ApiClient client(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        QVERIFY(waitFor(AuthApi(client).registerAccount(
                            QStringLiteral("ada@example.com"), kPassword, QStringLiteral("Ada")))
                    .isOk());
        const QString firstToken = client.accessToken();
        QSignalSpy refreshes(&client, &ApiClient::refreshStarted);
        QSignalSpy ended(&client, &ApiClient::sessionEnded);

        // The server's time moves past the 15-minute lifetime; the client's does not, so the
        // client sends its token and the server answers 401 TOKEN_EXPIRED.
        serverClock->advance(16 * 60 * 1000);
        const auto me = waitFor(UsersApi(client).me());
        QVERIFY2(me.isOk(), qPrintable(why(me)));
        QCOMPARE(me.value().email, QStringLiteral("ada@example.com"));
        QCOMPARE(refreshes.size(), 1);
        QVERIFY(client.accessToken() != firstToken);
        QCOMPARE(ended.size(), 0);
    }

    void tenConcurrentCallsOnAnExpiredTokenCauseOneRefresh()
    {
        auto serverClock = std::make_shared<ManualClock>();
        TestServer server({}, serverClock);
        ApiClient client(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        QVERIFY(waitFor(AuthApi(client).registerAccount(
                            QStringLiteral("ada@example.com"), kPassword, QStringLiteral("Ada")))
                    .isOk());
        serverClock->advance(16 * 60 * 1000);
        QSignalSpy refreshes(&client, &ApiClient::refreshStarted);
        UsersApi users(client);
        QList<QFuture<ApiResult<User>>> calls;
        for (int i = 0; i < 10; ++i)
            calls.append(users.me());
        for (auto &f : calls) {
            const auto r = waitFor(f);
            QVERIFY2(r.isOk(), qPrintable(why(r)));
        }
        QCOMPARE(refreshes.size(), 1);
        // Still exactly one device session: the refresh rotated the token within its family.
        const auto sessions = waitFor(AuthApi(client).sessions());
        QVERIFY2(sessions.isOk(), qPrintable(why(sessions)));
        QCOMPARE(sessions.value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiClientAuth)
#include "test_api_client_auth.moc"
