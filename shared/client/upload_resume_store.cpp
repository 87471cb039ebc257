#include "shared/client/upload_resume_store.h"

#include <QSettings>
#include <algorithm>
#include <memory>

namespace corkboard::client {

namespace {
const QString kGroup = QStringLiteral("attachment_uploads");

std::unique_ptr<QSettings> open(const QString &iniPath)
{
    if (iniPath.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
}
} // namespace

void UploadResumeStore::save(const UnfinishedUpload &u) const
{
    auto s = open(m_iniPath);
    s->beginGroup(kGroup);
    s->beginGroup(u.uploadId);
    s->setValue(QStringLiteral("server"), u.server);
    s->setValue(QStringLiteral("account"), u.accountId);
    s->setValue(QStringLiteral("path"), u.uploadPath);
    s->setValue(QStringLiteral("card"), u.cardId);
    s->setValue(QStringLiteral("file"), u.filePath);
    s->setValue(QStringLiteral("name"), u.filename);
    s->setValue(QStringLiteral("size"), u.size);
    s->setValue(QStringLiteral("modified"), u.modified.toMSecsSinceEpoch());
    s->endGroup();
    s->endGroup();
    s->sync();
}

void UploadResumeStore::remove(const QString &uploadId) const
{
    if (uploadId.isEmpty())
        return;
    auto s = open(m_iniPath);
    s->beginGroup(kGroup);
    s->remove(uploadId);
    s->endGroup();
    s->sync();
}

QList<UnfinishedUpload> UploadResumeStore::list(
    const QString &server, const QString &accountId) const
{
    QList<UnfinishedUpload> out;
    auto s = open(m_iniPath);
    s->beginGroup(kGroup);
    const QStringList ids = s->childGroups();
    for (const QString &id : ids) {
        s->beginGroup(id);
        UnfinishedUpload u;
        u.uploadId = id;
        u.server = s->value(QStringLiteral("server")).toString();
        u.accountId = s->value(QStringLiteral("account")).toString();
        u.uploadPath = s->value(QStringLiteral("path")).toString();
        u.cardId = s->value(QStringLiteral("card")).toString();
        u.filePath = s->value(QStringLiteral("file")).toString();
        u.filename = s->value(QStringLiteral("name")).toString();
        u.size = s->value(QStringLiteral("size")).toLongLong();
        u.modified = QDateTime::fromMSecsSinceEpoch(
            s->value(QStringLiteral("modified")).toLongLong(), Qt::UTC);
        s->endGroup();
        if (u.server == server && u.accountId == accountId)
            out << u;
    }
    s->endGroup();
    std::sort(out.begin(), out.end(), [](const UnfinishedUpload &a, const UnfinishedUpload &b) {
        return a.modified < b.modified;
    });
    return out;
}

} // namespace corkboard::client
