#pragma once

#include "server/platform/database.h"

#include <QList>
#include <QString>

namespace corkboard {

class Database;

//! One numbered migration with its up and down scripts.
struct Migration
{
    int version = 0;
    QString name;
    QString up;
    QString down;
};

struct MigrationStatus
{
    int version = 0;
    QString name;
    bool applied = false;
};

//! Applies the numbered migrations compiled in as resources under :/migrations (SQLite) and
//! :/migrations/postgres (PostgreSQL: the same versions and names, the same schema in its SQL).
class Migrator
{
public:
    //! The built-in migrations of the connection's engine.
    explicit Migrator(Database &db);
    Migrator(Database &db, QList<Migration> migrations);

    static QList<Migration> builtinMigrations(SqlEngine engine = SqlEngine::Sqlite);

    QList<MigrationStatus> status();
    //! Versions not applied yet.
    QList<int> pending();
    //! Applies every pending migration, each in its own transaction. When an SQLite database
    //! that already holds data is migrated, a copy is first written with VACUUM INTO backupDir
    //! (PostgreSQL: the operator's pg_dump is the backup; DDL is transactional there).
    //! Returns how many were applied.
    int up(const QString &backupDir = QString());
    //! Reverts the last `steps` applied migrations.
    int down(int steps);

private:
    void ensureTable();
    QList<int> appliedVersions();

    Database &m_db;
    QList<Migration> m_migrations;
};

} // namespace corkboard
