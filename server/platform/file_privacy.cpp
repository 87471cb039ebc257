#include "server/platform/file_privacy.h"

#include "server/platform/log.h"

#include <QDirIterator>
#include <QFileInfo>
#include <sys/stat.h>

namespace corkboard::file_privacy {

namespace {
constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kPrivateDir
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
    | QFileDevice::ExeOther;

//! Drops group and other bits (keeps what the owner has); true when something changed.
bool makePrivate(const QFileInfo &info)
{
    if (info.isSymLink() || !info.exists())
        return false;
    const QFileDevice::Permissions current = info.permissions();
    if (!(current & kOthers))
        return false;
    const QFileDevice::Permissions wanted = info.isDir() ? kPrivateDir : kPrivateFile;
    if (!QFile::setPermissions(info.absoluteFilePath(), wanted)) {
        logging::write(lcServer(), QtWarningMsg, QStringLiteral("cannot make a file private"),
            {{QStringLiteral("path"), info.absoluteFilePath()}});
        return false;
    }
    return true;
}
} // namespace

void restrictUmask()
{
    ::umask(077);
}

int secureDataDir(const QString &dataDir, const QString &databasePath)
{
    int fixed = 0;
    if (!dataDir.isEmpty() && QFileInfo(dataDir).isDir()) {
        fixed += makePrivate(QFileInfo(dataDir)) ? 1 : 0;
        QDirIterator it(dataDir,
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            fixed += makePrivate(it.fileInfo()) ? 1 : 0;
        }
    }
    if (!databasePath.isEmpty()) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            fixed += makePrivate(QFileInfo(databasePath + QLatin1String(suffix))) ? 1 : 0;
    }
    if (fixed > 0) {
        logging::write(lcServer(), QtInfoMsg,
            QStringLiteral("data files were readable by others; made private"),
            {{QStringLiteral("fixed"), fixed}});
    }
    return fixed;
}

} // namespace corkboard::file_privacy
