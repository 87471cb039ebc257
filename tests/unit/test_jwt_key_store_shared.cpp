// JWT signing keys shared through the database (several instances on PostgreSQL): a new key only
// signs once every instance has had time to read it, and keeps verifying like any other.
#include "server/features/auth/jwt_key_store.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"

#include <QTest>

using namespace corkboard;

class TestJwtKeyStoreShared : public QObject
{
    Q_OBJECT

    static JwtKeyStore::Key key(const QString &kid, qint64 createdMs)
    {
        JwtKeyStore::Key k;
        k.kid = kid;
        k.secret = crypto::randomBytes(32);
        k.createdMs = createdMs;
        return k;
    }

    static Config sharedConfig()
    {
        Config config;
        config.databaseUrl = QStringLiteral("postgres://corkboard@db.example/corkboard");
        return config;
    }

private Q_SLOTS:
    void initTestCase() { crypto::initialize(); }

    void keysAreSharedOnlyOnPostgresWithoutAFixedSecret()
    {
        ManualClock clock;
        const Config shared = sharedConfig();
        QVERIFY(JwtKeyStore(shared, clock).sharedInDatabase());
        Config sqlite;
        QVERIFY(!JwtKeyStore(sqlite, clock).sharedInDatabase());
        Config fixed = sharedConfig();
        fixed.jwtSecret = QByteArray(32, 'x');
        QVERIFY(!JwtKeyStore(fixed, clock).sharedInDatabase());
    }

    void theFirstKeySignsAtOnce()
    {
        ManualClock clock;
        const Config config = sharedConfig();
        JwtKeyStore store(config, clock);
        store.setKeys({key(QStringLiteral("first"), clock.nowMs())});
        QCOMPARE(store.current().kid, QStringLiteral("first"));
    }

    void aRotatedKeySignsOnlyAfterThePropagationTime()
    {
        ManualClock clock;
        const Config config = sharedConfig();
        JwtKeyStore store(config, clock);
        const QList<JwtKeyStore::Key> before {key(QStringLiteral("old"), clock.nowMs() - 3600000)};
        const QList<JwtKeyStore::Key> after = JwtKeyStore::rotated(before, clock.nowMs());
        QCOMPARE(after.size(), 2);
        QVERIFY(after.at(1).retiredMs > 0);
        // Through the database and back, as another instance reads it.
        store.setKeys(JwtKeyStore::parse(JwtKeyStore::serialize(after), QStringLiteral("test")));
        QCOMPARE(store.current().kid, QStringLiteral("old")); // the others may not know it yet
        QVERIFY(store.secretFor(after.first().kid)); // but it verifies already
        clock.set(clock.now().addMSecs(JwtKeyStore::kPropagationMs));
        QCOMPARE(store.current().kid, after.first().kid);
        QVERIFY(store.secretFor(QStringLiteral("old"))); // retired, still verifying
    }
};

QTEST_GUILESS_MAIN(TestJwtKeyStoreShared)
#include "test_jwt_key_store_shared.moc"
