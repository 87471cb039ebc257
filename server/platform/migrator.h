#pragma once

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

//! Applies the numbered migrations compiled in as resources under :/migrations.
class Migrator
{
public:
    explicit Migrator(Database &db, QList<Migration> migrations = builtinMigrations());

    static QList<Migration> builtinMigrations();

    QList<MigrationStatus> status();
    //! Versions not applied yet.
    QList<int> pending();
    //! Applies every pending migration, each in its own transaction. When a database that
    //! already holds data is migrated, a copy is first written with VACUUM INTO backupDir.
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
