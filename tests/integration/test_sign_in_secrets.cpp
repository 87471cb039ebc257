// After sign-in through ApiClient with the real KeychainTokenStore (gnome-keyring in a private
// D-Bus session with a fresh HOME: run through packaging/corkboard-dev test), the refresh token
// is in the keychain and in no file under HOME or the server's data dir.
#include "shared/client/auth_api.h"
#include "shared/client/keychain_token_store.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

namespace {

constexpr int kWait = 20000;
const QString kPassword = QStringLiteral("correct horse battery");

//! Every file below `root` whose bytes contain `needle`.
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}

} // namespace

class TestSignInSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noPlainFileHoldsTheRefreshTokenAfterSignIn()
    {
        TestServer server;
        const QString service
            = QStringLiteral("corkboard-test-") + QUuid::createUuid().toString(QUuid::Id128);
        auto store = std::make_shared<KeychainTokenStore>(service);
        ApiClient client(QUrl(server.url(QString())), store, fastOptions());
        QSignalSpy storeFailures(&client, &ApiClient::tokenStoreFailed);
        const auto user = waitFor(AuthApi(client).registerAccount(
            QStringLiteral("ada@example.com"), kPassword, QStringLiteral("Ada")));
        QVERIFY2(user.isOk(), qPrintable(why(user)));
        QCOMPARE(storeFailures.size(), 0);
        const QString refreshToken = client.refreshTokenForLogout();
        QVERIFY(refreshToken.size() >= 16);
        // The keychain has it…
        const auto kept = waitFor(store->readToken({server.url(QString()), user.value().id}));
        QVERIFY2(kept.isOk(), qPrintable(why(kept)));
        QCOMPARE(kept.value().value_or(QString()), refreshToken);
        // …and no file under HOME or the server's data dir does (nor the access token).
        for (const QString &root : {QDir::homePath(), server.dataDir()}) {
            QCOMPARE(filesContaining(root, refreshToken.toUtf8()), QStringList());
            QCOMPARE(filesContaining(root, client.accessToken().toUtf8()), QStringList());
        }
        waitFor(store->removeToken({server.url(QString()), user.value().id}));
    }
};

QTEST_GUILESS_MAIN(TestSignInSecrets)
#include "test_sign_in_secrets.moc"
