#include "server/platform/wal_checkpoint.h"

#include "server/platform/log.h"
#include "server/platform/sqlite_access.h"

#include <QHash>
#include <QMutex>
#include <QThreadPool>
#include <sqlite3.h>

namespace corkboard {

namespace {
// A checkpoint (WAL pages copied into the database file, with two fsyncs) runs on a pool thread
// with a connection of its own: run inside the commit, as SQLite's auto-checkpoint does, it held
// the process's single writer for tens of milliseconds every ~80 card creations and was the tail
// of the write latency. PASSIVE never blocks writers or readers; one at a time per file.
//
// A PASSIVE pass alone never catches up under sustained writes: frames committed during the pass
// stay behind, so SQLite never started the WAL over (it grew by ~200 MB/s under card creation,
// and the checkpoints ran back to back). So the pass only does the bulk; the next commit of this
// process, which holds the writer, copies the few frames written meanwhile itself (a fraction of
// a millisecond here), and the write transaction after it starts the WAL from its beginning.
enum class CheckpointState
{
    Running, // the background pass
    CatchUp // the pass is done; the next commit finishes the checkpoint
};
QMutex g_checkpointLock;
QHash<QByteArray, CheckpointState> g_checkpoints;

// A PASSIVE checkpoint on `db`; a failure other than "busy" is logged. Returns SQLite's code.
int passiveCheckpoint(sqlite3 *db, const char *dbName)
{
    const int rc
        = sqlite3_wal_checkpoint_v2(db, dbName, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
        logging::write(lcDb(), QtWarningMsg, QStringLiteral("WAL checkpoint failed"),
            {{QStringLiteral("error"), QString::fromUtf8(sqlite3_errmsg(db))}});
    }
    return rc;
}

void checkpointInBackground(const QByteArray &file)
{
    QThreadPool::globalInstance()->start([file] {
        sqlite3 *db = nullptr;
        // A checkpoint syncs the same way whatever the synchronous setting. The connection must
        // have read the file's header to know it is in WAL mode (else the checkpoint is a no-op):
        // user_version reads it without parsing the schema, as most PRAGMAs would every time.
        int rc = sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, "PRAGMA user_version", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            rc = passiveCheckpoint(db, nullptr);
        sqlite3_close(db);
        QMutexLocker guard(&g_checkpointLock);
        if (rc == SQLITE_OK)
            g_checkpoints.insert(file, CheckpointState::CatchUp);
        else
            g_checkpoints.remove(file);
    });
}

// Runs after every commit of the connection has reached the WAL (the change is visible to
// readers), from a Transaction (holding the process's writer) or a single autocommit statement
// alike. Installing it replaces SQLite's auto-checkpoint hook; the checkpoint starts at the same
// size (1000 WAL pages), its bulk off this thread.
} // namespace

int onWalCommit(void *, sqlite3 *handle, const char *dbName, int pages)
{
    bumpWriteGeneration();
    if (pages < 1000)
        return SQLITE_OK;
    const char *name = sqlite3_db_filename(handle, dbName);
    if (!name || !*name)
        return SQLITE_OK;
    const QByteArray file(name);
    bool catchUp = false;
    {
        QMutexLocker guard(&g_checkpointLock);
        const auto it = g_checkpoints.constFind(file);
        if (it == g_checkpoints.cend()) {
            g_checkpoints.insert(file, CheckpointState::Running);
            checkpointInBackground(file);
        } else if (*it == CheckpointState::CatchUp) {
            g_checkpoints.remove(file);
            catchUp = true;
        }
    }
    if (catchUp)
        passiveCheckpoint(handle, dbName);
    return SQLITE_OK;
}

} // namespace corkboard
