// KeychainTokenStore against a real Secret Service (gnome-keyring in a private D-Bus session with
// a fresh HOME: run through packaging/corkboard-dev test, or see the README of shared/client).
#include "shared/client/keychain_token_store.h"
#include "tests/support/client_test_util.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace corkboard::client;
using namespace corkboard::test;

namespace {

QString randomToken()
{
    return QUuid::createUuid().toString(QUuid::Id128) + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class TestKeychainTokenStore : public QObject
{
    Q_OBJECT

    // A service name of our own per run, so the test never touches a real user's entries.
    const QString m_service
        = QStringLiteral("corkboard-test-") + QUuid::createUuid().toString(QUuid::Id128);
    const TokenKey m_alice {QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("user-alice")};
    const TokenKey m_bob {QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("user-bob")};
    const TokenKey m_aliceElsewhere {
        QStringLiteral("https://corkboard.example:8443"), QStringLiteral("user-alice")};

private Q_SLOTS:
    void missingEntryMeansSignedOut()
    {
        KeychainTokenStore store(m_service);
        const auto read = waitFor(store.readToken(m_alice));
        QVERIFY2(read.isOk(), qPrintable(read.isOk() ? QString() : read.error().detail));
        QVERIFY(!read.value().has_value());
    }

    void roundTripPerServerAndAccount()
    {
        KeychainTokenStore store(m_service);
        const QString a = randomToken(), b = randomToken(), c = randomToken();
        QVERIFY(waitFor(store.writeToken(m_alice, a)).isOk());
        QVERIFY(waitFor(store.writeToken(m_bob, b)).isOk());
        QVERIFY(waitFor(store.writeToken(m_aliceElsewhere, c)).isOk());

        KeychainTokenStore fresh(m_service); // a new store object reads what the OS kept
        QCOMPARE(waitFor(fresh.readToken(m_alice)).value().value_or(QString()), a);
        QCOMPARE(waitFor(fresh.readToken(m_bob)).value().value_or(QString()), b);
        QCOMPARE(waitFor(fresh.readToken(m_aliceElsewhere)).value().value_or(QString()), c);

        const QString rotated = randomToken();
        QVERIFY(waitFor(store.writeToken(m_alice, rotated)).isOk());
        QCOMPARE(waitFor(fresh.readToken(m_alice)).value().value_or(QString()), rotated);
        QCOMPARE(waitFor(fresh.readToken(m_bob)).value().value_or(QString()), b);

        // No file under HOME holds the token in plain text: QtKeychain's insecure QSettings
        // fallback is off, and the Secret Service keeps its keyring encrypted.
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(rotated.toUtf8()), qPrintable(path));
        }
    }

    void removeSignsOut()
    {
        KeychainTokenStore store(m_service);
        QVERIFY(waitFor(store.writeToken(m_bob, randomToken())).isOk());
        QVERIFY(waitFor(store.removeToken(m_bob)).isOk());
        const auto read = waitFor(store.readToken(m_bob));
        QVERIFY(read.isOk());
        QVERIFY(!read.value().has_value());
        QVERIFY(waitFor(store.removeToken(m_bob)).isOk()); // removing twice is fine
        QVERIFY(waitFor(store.readToken(m_alice)).value().has_value()); // others untouched
    }

    void oversizedValueIsRefusedAndNothingChanges()
    {
        KeychainTokenStore store(m_service);
        const QString before = waitFor(store.readToken(m_alice)).value().value_or(QString());
        const auto r = waitFor(store.writeToken(
            m_alice, QString(KeychainTokenStore::kMaxValueBytes + 1, QLatin1Char('x'))));
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().kind, ApiError::Kind::Keychain);
        QCOMPARE(waitFor(store.readToken(m_alice)).value().value_or(QString()), before);
    }

    void cleanupTestCase()
    {
        KeychainTokenStore store(m_service);
        for (const auto &key : {m_alice, m_bob, m_aliceElsewhere})
            waitFor(store.removeToken(key));
    }
};

QTEST_GUILESS_MAIN(TestKeychainTokenStore)
#include "test_keychain_token_store.moc"
