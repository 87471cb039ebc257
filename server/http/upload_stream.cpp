#include "server/http/upload_stream.h"

#include "server/http/multipart_parser.h"

#include <sodium.h>

#include <cstring>

namespace corkboard {

namespace {
constexpr int kMaxFieldBytes = 1024;
} // namespace

struct UploadStream::Hashes
{
    crypto_hash_sha256_state file {}; //!< the whole file
    crypto_hash_sha256_state chunk {}; //!< this request's bytes
};

UploadStream::UploadStream()
    : m_hashes(std::make_unique<Hashes>())
{
}

UploadStream::~UploadStream() = default;

qsizetype UploadStream::hashStateSize()
{
    return qsizetype(sizeof(crypto_hash_sha256_state));
}

QByteArray UploadStream::hashFile(const QString &path, QByteArray *state)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    crypto_hash_sha256_state s;
    crypto_hash_sha256_init(&s);
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        crypto_hash_sha256_update(
            &s, reinterpret_cast<const unsigned char *>(buffer.constData()), quint64(n));
    }
    if (state)
        *state = QByteArray(reinterpret_cast<const char *>(&s), sizeof s);
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256_final(&s, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

std::unique_ptr<UploadStream> UploadStream::open(const UploadTarget &target, QString *error)
{
    std::unique_ptr<UploadStream> s(new UploadStream);
    s->m_target = target;
    s->m_file.setFileName(target.filePath);
    if (!s->m_file.open(QIODevice::ReadWrite)) {
        *error = QStringLiteral("the upload file cannot be opened");
        return nullptr;
    }
    s->m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Whatever an earlier, interrupted request left past the agreed offset is not kept.
    if (s->m_file.size() < target.keepBytes || !s->m_file.resize(target.keepBytes)
        || !s->m_file.seek(target.keepBytes)) {
        *error = QStringLiteral("the upload file is shorter than its recorded offset");
        return nullptr;
    }
    if (target.keepBytes > 0) {
        if (target.hashState.size() == hashStateSize()) {
            std::memcpy(&s->m_hashes->file, target.hashState.constData(), sizeof s->m_hashes->file);
        } else {
            // No saved state (an older row): hash what is kept once.
            QByteArray state;
            s->m_file.flush();
            if (hashFile(target.filePath, &state).isEmpty()) {
                *error = QStringLiteral("the upload file cannot be read");
                return nullptr;
            }
            std::memcpy(&s->m_hashes->file, state.constData(), sizeof s->m_hashes->file);
        }
    } else {
        crypto_hash_sha256_init(&s->m_hashes->file);
    }
    crypto_hash_sha256_init(&s->m_hashes->chunk);
    s->m_result.fileBytes = target.keepBytes;
    if (!target.multipartBoundary.isEmpty()) {
        UploadStream *self = s.get();
        MultipartParser::Handler h;
        h.begin = [self](const MultipartParser::Part &part, QString *why) {
            self->m_inFilePart = false;
            self->m_fieldName.clear();
            if (part.name == "file") {
                if (self->m_result.hasFilePart || !part.hasFilename) {
                    *why = QStringLiteral("send exactly one part named \"file\" with a filename");
                    return false;
                }
                self->m_result.hasFilePart = true;
                self->m_result.partFilename = part.filename;
                self->m_inFilePart = true;
                return true;
            }
            if (part.name == "filename" && !part.hasFilename
                && !self->m_result.fields.contains(QStringLiteral("filename"))) {
                self->m_fieldName = QStringLiteral("filename");
                self->m_fieldValue.clear();
                self->m_result.fields.insert(self->m_fieldName, QString());
                return true;
            }
            *why = QStringLiteral("unexpected part \"%1\" (allowed: file, filename)")
                       .arg(QString::fromUtf8(part.name.left(64)));
            return false;
        };
        h.data = [self](QByteArrayView bytes, QString *why) {
            if (self->m_inFilePart)
                return self->store(bytes, why);
            self->m_fieldValue.append(bytes.data(), bytes.size());
            if (self->m_fieldValue.size() > kMaxFieldBytes) {
                *why = QStringLiteral("the field \"%1\" is too long").arg(self->m_fieldName);
                return false;
            }
            self->m_result.fields.insert(self->m_fieldName, QString::fromUtf8(self->m_fieldValue));
            return true;
        };
        s->m_multipart = std::make_unique<MultipartParser>(target.multipartBoundary, std::move(h));
    }
    return s;
}

bool UploadStream::refuse(ErrorCode code, const QString &why)
{
    if (!m_failed) {
        m_failed = true;
        m_result.error = why;
        m_result.errorCode = code;
    }
    return false;
}

bool UploadStream::store(QByteArrayView bytes, QString *why)
{
    if (m_target.maxContentBytes >= 0
        && m_result.storedBytes + bytes.size() > m_target.maxContentBytes) {
        *why = QStringLiteral("the file is larger than %1 bytes").arg(m_target.maxContentBytes);
        m_result.errorCode = ErrorCode::PayloadTooLarge;
        return false;
    }
    if (m_file.write(bytes.data(), bytes.size()) != bytes.size()) {
        *why = QStringLiteral("the server could not store the file");
        m_result.errorCode = ErrorCode::Unavailable;
        return false;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    crypto_hash_sha256_update(&m_hashes->file, p, quint64(bytes.size()));
    if (m_target.hashChunk)
        crypto_hash_sha256_update(&m_hashes->chunk, p, quint64(bytes.size()));
    m_result.storedBytes += bytes.size();
    m_result.fileBytes += bytes.size();
    return true;
}

bool UploadStream::write(QByteArrayView bytes)
{
    if (m_failed)
        return false;
    if (m_multipart) {
        if (!m_multipart->feed(bytes)) {
            const ErrorCode code = m_result.errorCode == ErrorCode::PayloadTooLarge
                    || m_result.errorCode == ErrorCode::Unavailable
                ? m_result.errorCode
                : ErrorCode::MalformedRequest;
            return refuse(code, m_multipart->error());
        }
        return true;
    }
    QString why;
    if (!store(bytes, &why))
        return refuse(m_result.errorCode, why);
    return true;
}

const UploadResult &UploadStream::finish(bool complete)
{
    if (m_finished)
        return m_result;
    m_finished = true;
    if (complete && !m_failed && m_multipart) {
        if (!m_multipart->finish())
            refuse(ErrorCode::MalformedRequest, m_multipart->error());
        else if (!m_result.hasFilePart)
            refuse(ErrorCode::MalformedRequest,
                QStringLiteral("send exactly one part named \"file\" with a filename"));
    }
    m_result.complete = complete && !m_failed;
    if (!m_file.flush())
        m_result.complete = false;
    m_file.close();
    m_result.hashState
        = QByteArray(reinterpret_cast<const char *>(&m_hashes->file), sizeof m_hashes->file);
    crypto_hash_sha256_state copy = m_hashes->file; // final() consumes the state
    m_result.fileSha256 = QByteArray(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256_final(&copy, reinterpret_cast<unsigned char *>(m_result.fileSha256.data()));
    m_result.chunkSha256 = QByteArray(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256_final(
        &m_hashes->chunk, reinterpret_cast<unsigned char *>(m_result.chunkSha256.data()));
    return m_result;
}

} // namespace corkboard
