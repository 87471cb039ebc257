#pragma once

#include <QString>
#include <optional>

namespace corkboard {

//! Every error the API can answer with; the server maps it to HTTP, the client decodes it back.
enum class ErrorCode
{
    MalformedRequest,
    Unauthenticated,
    InvalidCredentials,
    TokenExpired,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    Conflict,
    LengthRequired,
    PreconditionFailed,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
    RateLimited,
    HeadersTooLarge,
    ChecksumMismatch, //!< 460 (tus): the bytes sent do not match their Upload-Checksum
    Internal,
    Unavailable,
};

//! All codes, for tables and tests that must cover every one.
const QList<ErrorCode> &allErrorCodes();
//! The wire name, e.g. "NOT_FOUND".
QString errorCodeName(ErrorCode code);
//! Parses a wire name; unknown names give nullopt (the client treats them by status).
std::optional<ErrorCode> errorCodeFromName(QStringView name);
//! The HTTP status this code is answered with.
int httpStatusFor(ErrorCode code);
//! The standard reason phrase for an HTTP status ("Not Found").
QString reasonPhrase(int status);

} // namespace corkboard
