#include "server/platform/data_dir_lock.h"

#include <QDir>
#include <QFile>
#include <stdexcept>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace corkboard {

QString DataDirLock::lockFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("corkboard.lock"));
}

std::unique_ptr<DataDirLock> DataDirLock::tryAcquire(const QString &dataDir, Mode mode)
{
    QDir().mkpath(dataDir);
    const QByteArray path = QFile::encodeName(lockFilePath(dataDir));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw std::runtime_error(
            "cannot open the lock file " + path.toStdString() + ": " + std::strerror(errno));
    }
    const int operation = (mode == Mode::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB;
    int rc = 0;
    do {
        rc = ::flock(fd, operation);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        ::close(fd);
        return nullptr;
    }
    return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

} // namespace corkboard
