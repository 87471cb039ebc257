#include "server/features/attachments/blob_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>

namespace corkboard {

namespace {
void makePrivateDir(const QString &path)
{
    QDir().mkpath(path);
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}
} // namespace

DiskBlobStore::DiskBlobStore(const QString &dataDir)
    : m_root(QDir(dataDir).filePath(QStringLiteral("blobs")))
    , m_staging(QDir(dataDir).filePath(QStringLiteral("uploads")))
{
    makePrivateDir(m_root);
    makePrivateDir(m_staging);
}

bool DiskBlobStore::isValidName(const QString &sha256)
{
    if (sha256.size() != 64)
        return false;
    for (const QChar c : sha256) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QString DiskBlobStore::pathOf(const QString &sha256) const
{
    return m_root + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

bool DiskBlobStore::put(const QString &stagedPath, const QString &sha256)
{
    if (!isValidName(sha256))
        return false;
    const QString target = pathOf(sha256);
    if (QFileInfo::exists(target)) {
        QFile::remove(stagedPath);
        return true;
    }
    makePrivateDir(QFileInfo(target).path());
    QFile::setPermissions(stagedPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // rename(2): atomic on one file system; a reader never sees half a blob.
    if (std::rename(
            QFile::encodeName(stagedPath).constData(), QFile::encodeName(target).constData())
        != 0)
        return QFileInfo::exists(target) && QFile::remove(stagedPath);
    return true;
}

std::unique_ptr<QIODevice> DiskBlobStore::open(const QString &sha256) const
{
    if (!isValidName(sha256))
        return nullptr;
    auto file = std::make_unique<QFile>(pathOf(sha256));
    if (!file->open(QIODevice::ReadOnly))
        return nullptr;
    return file;
}

bool DiskBlobStore::contains(const QString &sha256) const
{
    return isValidName(sha256) && QFileInfo::exists(pathOf(sha256));
}

void DiskBlobStore::remove(const QString &sha256)
{
    if (isValidName(sha256))
        QFile::remove(pathOf(sha256));
}

} // namespace corkboard
