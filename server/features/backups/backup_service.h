#pragma once

#include "shared/dto/backup.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace corkboard {

class Clock;
struct Config;

//! Online backups of the SQLite database and restores from them.
//! A backup is written to a hidden temporary name in the backups folder (0700), checked on its
//! own connection (integrity, schema version), made 0600, flushed, then renamed into place, so a
//! crash at any moment leaves the live database and every earlier backup as they were.
class BackupService
{
public:
    BackupService(const Config &config, const Clock &clock);

    //! <data dir>/backups.
    QString folder() const;
    //! A verified backup into the backups folder; kind "manual" or "scheduled".
    BackupInfo create(const QString &kind);
    //! A verified backup to a file of the caller's choice (refused when it exists).
    BackupInfo createAt(const QString &file);
    //! The admin route's door: FORBIDDEN unless the caller is a server admin.
    BackupInfo createForAdmin(bool callerIsAdmin);
    QList<BackupInfo> listForAdmin(bool callerIsAdmin);
    //! Every backup in the folder, newest first.
    QList<BackupInfo> list() const;
    //! The scheduled job: one backup per interval slot (a repeat of the slot does nothing), then
    //! retention. Returns false when this slot already had its backup.
    bool runScheduled(qint64 slotStartMs);
    //! Deletes scheduled backups beyond CORKBOARD_BACKUP_KEEP; returns the names deleted.
    QStringList applyRetention();

    struct RestoreResult
    {
        int restoredSchemaVersion = 0;
        int migrationsApplied = 0;
        QString keptAside; //!< where the database that was replaced went (empty: there was none)
    };
    //! Replaces the live database with `file` after checking it. The caller holds the data dir's
    //! exclusive lock (no server running). Throws AppError with a message for people.
    RestoreResult restore(const QString &file);

    //! Test seam (CORKBOARD_TEST_BACKUP_HOLD_MS): pause after the copy is written, before it is
    //! renamed into place, so a test can kill the process mid-backup.
    static int testHoldMs();

private:
    BackupInfo writeVerified(const QString &finalPath, const QString &kind);
    void removeStalePartials() const;

    const Config &m_config;
    const Clock &m_clock;
};

//! Reads name, kind, time and schema version of one backup file (the name carries them for our
//! own backups; other files are opened to read their version).
BackupInfo describeBackupFile(const QString &path);

} // namespace corkboard
