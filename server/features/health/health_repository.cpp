#include "server/features/health/health_repository.h"

#include "server/platform/config.h"
#include "server/platform/config_database.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>

namespace corkboard {

HealthRepository::HealthRepository(const Config &config)
    : m_path(config.sqlitePath())
    , m_url(config.usesPostgres() ? config.databaseUrl : QString())
    , m_password(config.databasePassword)
{
}

HealthRepository::Probe HealthRepository::probe() const
{
    static std::atomic<int> counter {0};
    Probe result;
    const QString name = QStringLiteral("corkboard-probe-%1").arg(++counter);
    {
        const bool postgres = !m_url.isEmpty();
        QSqlDatabase db = QSqlDatabase::addDatabase(
            postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (postgres) {
            PostgresTarget target
                = parsePostgresUrl(QStringLiteral("CORKBOARD_DATABASE_URL"), m_url);
            target.connectTimeoutSeconds = qMin(target.connectTimeoutSeconds, 3);
            db.setHostName(target.host);
            db.setPort(target.port);
            db.setDatabaseName(target.database);
            db.setUserName(target.user);
            db.setPassword(m_password);
            db.setConnectOptions(target.connectOptions());
        } else {
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        }
        if (postgres) {
            if (!db.open())
                result.databaseError = QStringLiteral("database server cannot be reached");
        } else if (!QFileInfo(m_path).isFile()) {
            result.databaseError = QStringLiteral("database file is missing");
        } else if (!db.open()) {
            result.databaseError = QStringLiteral("database cannot be opened");
        }
        if (result.databaseError.isEmpty()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral(
                    "SELECT count(*), coalesce(max(version), 0) FROM schema_migrations"))
                && q.next()) {
                result.databaseOk = true;
                result.appliedMigrations = q.value(0).toInt();
                result.latestMigration = q.value(1).toInt();
            } else {
                result.databaseError = QStringLiteral("database is not readable");
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace corkboard
