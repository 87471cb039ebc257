#pragma once

#include "shared/error_code.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>
#include <memory>

namespace corkboard {

class MultipartParser;

//! Where the body of a streamed request goes, decided by its route before a body byte is read
//! (so a refusal — auth, quota, size, offset — stores nothing).
struct UploadTarget
{
    QString filePath; //!< created 0600 when absent
    qint64 keepBytes = 0; //!< bytes of the file to keep; the body's content is appended after them
    //! The running SHA-256 state of those kept bytes (empty: none kept yet).
    QByteArray hashState;
    //! Non-empty: the body is multipart/form-data with this boundary; only the content of the
    //! part named "file" is stored, other parts must be short text fields.
    QByteArray multipartBoundary;
    //! Most content bytes this request may store (the route's size or quota rule).
    qint64 maxContentBytes = -1;
    //! Also hash this request's bytes alone (UploadResult::chunkSha256), for a per-request
    //! checksum; off, only the running hash of the whole file is kept.
    bool hashChunk = false;
    //! The route's own note for its handler (e.g. the id of what the prepare step created).
    QString note;
};

//! What the connection guard made of a streamed body.
struct UploadResult
{
    bool complete = false; //!< the whole body arrived and was well-formed
    qint64 storedBytes = 0; //!< content bytes this request appended
    qint64 fileBytes = 0; //!< size of the file now (kept + stored)
    QByteArray chunkSha256; //!< SHA-256 (raw) of the bytes this request appended (hashChunk)
    QByteArray hashState; //!< running SHA-256 state of the whole file (to continue later)
    QByteArray fileSha256; //!< SHA-256 (raw) of the whole file
    QHash<QString, QString> fields; //!< multipart text fields
    bool hasFilePart = false;
    QString partFilename; //!< multipart: the file part's filename
    QString error; //!< why the body was refused (malformed multipart, too large, disk)
    ErrorCode errorCode = ErrorCode::MalformedRequest;
};

//! Writes a streamed body into its target file while hashing it (libsodium SHA-256, whose state
//! can be saved between the requests of a resumable upload). Lives on the connection's thread.
class UploadStream
{
public:
    ~UploadStream();
    //! Opens the target (truncating it to keepBytes); null with *error set when it cannot.
    static std::unique_ptr<UploadStream> open(const UploadTarget &target, QString *error);
    //! The next body bytes; false once the body is refused (result().error says why).
    bool write(QByteArrayView bytes);
    //! The body ended (`complete`: all of it arrived). Flushes and closes the file.
    const UploadResult &finish(bool complete);
    const UploadResult &result() const { return m_result; }

    //! Size of a saved hash state (for validating stored ones).
    static qsizetype hashStateSize();
    //! The SHA-256 of a whole file, reading it in pieces (for files whose state was lost).
    static QByteArray hashFile(const QString &path, QByteArray *state = nullptr);

private:
    UploadStream();
    bool store(QByteArrayView bytes, QString *why);
    bool refuse(ErrorCode code, const QString &why);

    struct Hashes;
    std::unique_ptr<Hashes> m_hashes;
    QFile m_file;
    UploadTarget m_target;
    std::unique_ptr<MultipartParser> m_multipart;
    bool m_inFilePart = false;
    QString m_fieldName;
    QByteArray m_fieldValue;
    UploadResult m_result;
    bool m_failed = false;
    bool m_finished = false;
};

} // namespace corkboard
