#pragma once

#include <QString>
#include <memory>

namespace corkboard {

//! An advisory lock on <data dir>/corkboard.lock (flock). Every process serving a data dir (the
//! headless server and the desktop's embedded one) holds it shared for its whole life; `--restore`
//! takes it exclusively, so it refuses while any server runs and no server starts mid-restore.
//! The kernel drops the lock when its holder dies, even by SIGKILL: no stale lock files.
class DataDirLock
{
public:
    enum class Mode
    {
        Shared,
        Exclusive
    };
    //! Takes the lock without waiting; null when another process holds it in a conflicting mode.
    //! Throws std::runtime_error when the lock file cannot be opened.
    static std::unique_ptr<DataDirLock> tryAcquire(const QString &dataDir, Mode mode);
    ~DataDirLock();
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

    static QString lockFilePath(const QString &dataDir);

private:
    explicit DataDirLock(int fd)
        : m_fd(fd)
    {
    }
    int m_fd = -1;
};

} // namespace corkboard
