#include "server/features/health/health_repository.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>

namespace corkboard {

HealthRepository::HealthRepository(QString sqlitePath)
    : m_path(std::move(sqlitePath))
{
}

HealthRepository::Probe HealthRepository::probe() const
{
    static std::atomic<int> counter {0};
    Probe result;
    const QString name = QStringLiteral("corkboard-probe-%1").arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!QFileInfo(m_path).isFile()) {
            result.databaseError = QStringLiteral("database file is missing");
        } else if (!db.open()) {
            result.databaseError = QStringLiteral("database cannot be opened");
        } else {
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
