#include "tests/support/test_database.h"

#include "server/platform/config.h"
#include "server/platform/database.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <stdexcept>

namespace corkboard::test {

bool testUsesPostgres()
{
    return qEnvironmentVariable("CORKBOARD_TEST_ENGINE") == QLatin1String("postgres");
}

QString freshPostgresDatabase()
{
    const QString admin = qEnvironmentVariable("CORKBOARD_TEST_POSTGRES_URL");
    if (admin.isEmpty())
        throw std::runtime_error("CORKBOARD_TEST_POSTGRES_URL is not set: the postgres tests need "
                                 "a cluster (packaging/corkboard-dev test starts one; or "
                                 "packaging/pg-test-cluster start DIR)");
    static QAtomicInt counter;
    const QString name = QStringLiteral("cb_%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddRelaxed(1))
                             .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    QUrl url(admin);
    {
        const QString connection = QStringLiteral("test-admin-") + name;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        const QString socketDir = QUrlQuery(url).queryItemValue(QStringLiteral("host"));
        db.setHostName(socketDir.isEmpty() ? url.host() : socketDir);
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        db.setPassword(qEnvironmentVariable("CORKBOARD_DATABASE_PASSWORD"));
        if (!db.open())
            throw std::runtime_error(
                QString(QStringLiteral("cannot reach the test cluster: ") + db.lastError().text())
                    .toStdString());
        QSqlQuery q(db);
        // C collation: text sorts by byte, as SQLite's BINARY does (the server does not depend on
        // it for positions, which are COLLATE "C" anyway).
        if (!q.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' "
                                   "LC_COLLATE 'C' LC_CTYPE 'C'")
                        .arg(name)))
            throw std::runtime_error(
                QString(QStringLiteral("cannot create a test database: ") + q.lastError().text())
                    .toStdString());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-admin-") + name);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

void useTestDatabase(Config &config)
{
    if (testUsesPostgres()) {
        config.databaseUrl = freshPostgresDatabase();
        config.databasePassword = qEnvironmentVariable("CORKBOARD_DATABASE_PASSWORD");
    }
}

qint64 countRows(const Config &config, const QString &sql)
{
    Database db(config, QStringLiteral("count-rows-") + QUuid::createUuid().toString());
    SqlQuery q(db, sql);
    q.exec();
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace corkboard::test
