#pragma once

#include "server/platform/config.h"

namespace corkboard {

//! `corkboard --backup [FILE]` (a verified online backup, safe while a server runs) and
//! `corkboard --backup --list`; returns the exit status.
int runBackup(const Config &config);
//! `corkboard --restore FILE`: refused (exit 3) while a server holds the data dir; otherwise
//! checks FILE, keeps the current database aside in backups/, restores and migrates forward.
int runRestore(const Config &config);

} // namespace corkboard
