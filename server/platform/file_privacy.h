#pragma once

#include <QString>

namespace corkboard::file_privacy {

//! Sets the process umask to 077: everything the server creates from now on (database, WAL and
//! SHM, backups, logs, keys, uploads) is readable by its owner only.
void restrictUmask();

//! Makes an existing data dir private: the folder and every folder below it 0700, every file
//! 0600 (symbolic links are left alone, never followed). Also the SQLite file named by
//! `databasePath` (it may live elsewhere) with its -wal/-shm/-journal. Returns how many entries
//! had wider modes and were fixed.
int secureDataDir(const QString &dataDir, const QString &databasePath = QString());

} // namespace corkboard::file_privacy
