#pragma once

#include <QString>

namespace corkboard {

class Database;

//! SQLite-level work on database files: the online copy, and checks of a copy on its own
//! connection. No business rules (names, retention, locking live in BackupService).
class BackupRepository
{
public:
    //! What a database file turned out to be.
    struct FileCheck
    {
        bool ok = false;
        QString problem; //!< why not, for people
        int schemaVersion = 0; //!< highest applied migration
    };

    //! A consistent copy of the live database into `target` (an empty file we created) with
    //! VACUUM INTO on `source`, a connection of its own: it reads one snapshot, so writers on
    //! other connections go on meanwhile (WAL).
    static void copyLive(Database &source, const QString &target);
    //! Opens `path` on a connection of its own and checks that it is an intact Corkboard
    //! database: PRAGMA integrity_check, the schema_migrations/users/boards tables, the schema
    //! version. `selfContained` first switches the copy to rollback-journal mode so it is one
    //! file (a VACUUM INTO of a WAL database is itself marked WAL).
    static FileCheck inspect(const QString &path, bool selfContained);
    //! Folds the WAL into the main file of the database at `path` (before it is moved aside).
    static bool checkpoint(const QString &path);
};

} // namespace corkboard
