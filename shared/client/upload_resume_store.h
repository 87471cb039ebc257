#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace corkboard::client {

//! An unfinished resumable (tus) upload as the client remembers it between runs. Nothing in it
//! is a secret: the upload URL only works with the uploader's own token.
struct UnfinishedUpload
{
    QString server; //!< the server's base URL
    QString accountId;
    QString uploadId;
    QString uploadPath; //!< "/api/v1/uploads/{id}" (the Location the server answered)
    QString cardId;
    QString filePath; //!< the local file being sent
    QString filename; //!< the attachment's name
    qint64 size = 0;
    QDateTime modified; //!< the file's mtime when the upload started (a changed file restarts)
};

//! Where unfinished uploads are kept: the application's QSettings (group "attachment_uploads"),
//! or an INI file of its own (tests).
class UploadResumeStore
{
public:
    //! The application's QSettings.
    UploadResumeStore() = default;
    //! An INI file (empty path: the application's QSettings).
    explicit UploadResumeStore(QString iniPath)
        : m_iniPath(std::move(iniPath))
    {
    }

    void save(const UnfinishedUpload &upload) const;
    void remove(const QString &uploadId) const;
    //! The uploads this account started on this server, oldest first.
    QList<UnfinishedUpload> list(const QString &server, const QString &accountId) const;

private:
    QString m_iniPath;
};

} // namespace corkboard::client
