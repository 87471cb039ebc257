#include "server/features/backups/backup_repository.h"

#include "server/platform/database.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace corkboard {

namespace {

// One short-lived connection to a file that is not the live database.
class FileConnection
{
public:
    explicit FileConnection(const QString &path)
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("corkboard-backup-file-%1").arg(counter.fetchAndAddRelaxed(1));
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = m_db.open();
    }
    ~FileConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    FileConnection(const FileConnection &) = delete;
    FileConnection &operator=(const FileConnection &) = delete;
    bool isOpen() const { return m_open; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

void BackupRepository::copyLive(Database &source, const QString &target)
{
    SqlQuery(source, QStringLiteral("VACUUM INTO ?")).bind(0, target).exec();
}

BackupRepository::FileCheck BackupRepository::inspect(const QString &path, bool selfContained)
{
    FileCheck check;
    FileConnection conn(path);
    if (!conn.isOpen()) {
        check.problem = QStringLiteral("the file cannot be opened as a database");
        return check;
    }
    QSqlQuery q(conn.db());
    if (selfContained && !q.exec(QStringLiteral("PRAGMA journal_mode=DELETE"))) {
        check.problem = QStringLiteral("the file is not a SQLite database");
        return check;
    }
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        check.problem = QStringLiteral("the file is not a SQLite database");
        return check;
    }
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString());
    if (problems != QStringList {QStringLiteral("ok")}) {
        check.problem = QStringLiteral("the integrity check failed: %1")
                            .arg(problems.mid(0, 3).join(QStringLiteral("; ")));
        return check;
    }
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name "
                               "IN ('schema_migrations', 'users', 'boards')"))
        || !q.next() || q.value(0).toInt() != 3) {
        check.problem = QStringLiteral("the file is not a Corkboard database");
        return check;
    }
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"))
        || !q.next()) {
        check.problem = QStringLiteral("the file has no readable schema version");
        return check;
    }
    check.schemaVersion = q.value(0).toInt();
    check.ok = true;
    return check;
}

bool BackupRepository::checkpoint(const QString &path)
{
    FileConnection conn(path);
    if (!conn.isOpen())
        return false;
    QSqlQuery q(conn.db());
    return q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace corkboard
