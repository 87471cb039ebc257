#include "server/platform/migrator.h"

#include "server/platform/app_error.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "shared/time_format.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>

namespace corkboard {

Migrator::Migrator(Database &db)
    : Migrator(db, builtinMigrations(db.engine()))
{
}

Migrator::Migrator(Database &db, QList<Migration> migrations)
    : m_db(db)
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
        [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

QList<Migration> Migrator::builtinMigrations(SqlEngine engine)
{
    static const QRegularExpression fileName(
        QStringLiteral(R"(^(\d{4})_([a-z0-9_]+)\.(up|down)\.sql$)"));
    QMap<int, Migration> byVersion;
    QDirIterator it(engine == SqlEngine::Postgres ? QStringLiteral(":/migrations/postgres")
                                                  : QStringLiteral(":/migrations"));
    while (it.hasNext()) {
        const QString path = it.next();
        const auto m = fileName.match(it.fileName());
        if (!m.hasMatch())
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const int version = m.captured(1).toInt();
        Migration &mig = byVersion[version];
        mig.version = version;
        mig.name = m.captured(2);
        if (m.captured(3) == QLatin1String("up"))
            mig.up = QString::fromUtf8(f.readAll());
        else
            mig.down = QString::fromUtf8(f.readAll());
    }
    return byVersion.values();
}

void Migrator::ensureTable()
{
    SqlQuery(m_db,
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)"))
        .exec();
}

QList<int> Migrator::appliedVersions()
{
    ensureTable();
    QList<int> versions;
    SqlQuery q(m_db, QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
    q.exec();
    while (q.next())
        versions.append(q.value(0).toInt());
    return versions;
}

QList<MigrationStatus> Migrator::status()
{
    const auto applied = appliedVersions();
    QList<MigrationStatus> out;
    for (const auto &m : std::as_const(m_migrations))
        out.append({m.version, m.name, applied.contains(m.version)});
    return out;
}

QList<int> Migrator::pending()
{
    const auto applied = appliedVersions();
    QList<int> out;
    for (const auto &m : std::as_const(m_migrations)) {
        if (!applied.contains(m.version))
            out.append(m.version);
    }
    return out;
}

int Migrator::up(const QString &backupDir)
{
    const auto applied = appliedVersions();
    const auto todo = pending();
    if (todo.isEmpty())
        return 0;
    if (!applied.isEmpty() && !backupDir.isEmpty() && !m_db.isPostgres()) {
        QDir().mkpath(backupDir);
        const QString target = QDir(backupDir).filePath(
            QStringLiteral("corkboard-before-%1-%2.db")
                .arg(todo.first(), 4, 10, QLatin1Char('0'))
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"))));
        SqlQuery backup(m_db, QStringLiteral("VACUUM INTO ?"));
        backup.bind(0, target).exec();
        logging::write(lcDb(), QtInfoMsg, QStringLiteral("database backed up before migrating"),
            {{QStringLiteral("backup"), target}});
    }
    int count = 0;
    for (const auto &m : std::as_const(m_migrations)) {
        if (!todo.contains(m.version))
            continue;
        Transaction tx(m_db);
        execScript(m_db, m.up);
        SqlQuery(m_db,
            QStringLiteral(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"))
            .bind(0, m.version)
            .bind(1, m.name)
            .bind(2, toRfc3339(QDateTime::currentDateTimeUtc()))
            .exec();
        tx.commit();
        logging::write(lcDb(), QtInfoMsg, QStringLiteral("migration applied"),
            {{QStringLiteral("version"), m.version}, {QStringLiteral("name"), m.name}});
        ++count;
    }
    return count;
}

int Migrator::down(int steps)
{
    auto applied = appliedVersions();
    int count = 0;
    while (count < steps && !applied.isEmpty()) {
        const int version = applied.takeLast();
        auto it = std::find_if(m_migrations.cbegin(), m_migrations.cend(),
            [version](const Migration &m) { return m.version == version; });
        if (it == m_migrations.cend())
            throw AppError(ErrorCode::Internal,
                QStringLiteral("migration %1 is unknown to this build").arg(version));
        Transaction tx(m_db);
        execScript(m_db, it->down);
        SqlQuery(m_db, QStringLiteral("DELETE FROM schema_migrations WHERE version = ?"))
            .bind(0, version)
            .exec();
        tx.commit();
        logging::write(lcDb(), QtInfoMsg, QStringLiteral("migration reverted"),
            {{QStringLiteral("version"), version}, {QStringLiteral("name"), it->name}});
        ++count;
    }
    return count;
}

} // namespace corkboard
