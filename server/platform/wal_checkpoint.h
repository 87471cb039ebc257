#pragma once

struct sqlite3;

namespace corkboard {

//! SQLite's WAL hook for every connection of ours (sqlite3_wal_hook): counts the commit
//! (bumpWriteGeneration) and keeps the WAL short: at 1,000 pages a checkpoint's bulk runs on a
//! pool thread, and the next commit finishes it so the WAL starts over (wal_checkpoint.cpp).
int onWalCommit(void *, sqlite3 *handle, const char *dbName, int pages);

} // namespace corkboard
