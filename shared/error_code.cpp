#include "shared/error_code.h"

#include <QHash>

namespace corkboard {

namespace {
struct CodeInfo
{
    ErrorCode code;
    const char *name;
    int status;
};

constexpr CodeInfo kCodes[] = {
    {ErrorCode::MalformedRequest, "MALFORMED_REQUEST", 400},
    {ErrorCode::Unauthenticated, "UNAUTHENTICATED", 401},
    {ErrorCode::InvalidCredentials, "INVALID_CREDENTIALS", 401},
    {ErrorCode::TokenExpired, "TOKEN_EXPIRED", 401},
    {ErrorCode::Forbidden, "FORBIDDEN", 403},
    {ErrorCode::NotFound, "NOT_FOUND", 404},
    {ErrorCode::MethodNotAllowed, "METHOD_NOT_ALLOWED", 405},
    {ErrorCode::RequestTimeout, "REQUEST_TIMEOUT", 408},
    {ErrorCode::Conflict, "CONFLICT", 409},
    {ErrorCode::LengthRequired, "LENGTH_REQUIRED", 411},
    {ErrorCode::PreconditionFailed, "PRECONDITION_FAILED", 412},
    {ErrorCode::PayloadTooLarge, "PAYLOAD_TOO_LARGE", 413},
    {ErrorCode::UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", 415},
    {ErrorCode::ValidationFailed, "VALIDATION_FAILED", 422},
    {ErrorCode::RateLimited, "RATE_LIMITED", 429},
    {ErrorCode::HeadersTooLarge, "HEADERS_TOO_LARGE", 431},
    {ErrorCode::ChecksumMismatch, "CHECKSUM_MISMATCH", 460},
    {ErrorCode::Internal, "INTERNAL", 500},
    {ErrorCode::Unavailable, "UNAVAILABLE", 503},
};

const CodeInfo &infoFor(ErrorCode code)
{
    for (const auto &info : kCodes) {
        if (info.code == code)
            return info;
    }
    return kCodes[std::size(kCodes) - 2]; // INTERNAL
}
} // namespace

const QList<ErrorCode> &allErrorCodes()
{
    static const QList<ErrorCode> codes = [] {
        QList<ErrorCode> list;
        for (const auto &info : kCodes)
            list.append(info.code);
        return list;
    }();
    return codes;
}

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(infoFor(code).name);
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (const auto &info : kCodes) {
        if (name == QLatin1String(info.name))
            return info.code;
    }
    return std::nullopt;
}

int httpStatusFor(ErrorCode code)
{
    return infoFor(code).status;
}

QString reasonPhrase(int status)
{
    static const QHash<int, const char *> phrases = {
        {200, "OK"},
        {201, "Created"},
        {204, "No Content"},
        {304, "Not Modified"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {409, "Conflict"},
        {411, "Length Required"},
        {412, "Precondition Failed"},
        {413, "Content Too Large"},
        {415, "Unsupported Media Type"},
        {422, "Unprocessable Content"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {460, "Checksum Mismatch"},
        {500, "Internal Server Error"},
        {503, "Service Unavailable"},
    };
    const char *phrase = phrases.value(status, nullptr);
    return phrase ? QString::fromLatin1(phrase) : QStringLiteral("Unknown");
}

} // namespace corkboard
