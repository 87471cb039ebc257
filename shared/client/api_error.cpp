#include "shared/client/api_error.h"

namespace corkboard::client {

QList<FieldError> ApiError::errorsFor(const QString &field) const
{
    QList<FieldError> out;
    for (const auto &e : fieldErrors) {
        if (e.field == field)
            out.append(e);
    }
    return out;
}

QString ApiError::logText() const
{
    switch (kind) {
    case Kind::Http:
        return QStringLiteral("HTTP %1 %2")
            .arg(status)
            .arg(code ? errorCodeName(*code) : QStringLiteral("(no code)"));
    case Kind::Network:
        return QStringLiteral("network failure");
    case Kind::Tls:
        return QStringLiteral("TLS failure (%1)").arg(int(tlsProblem));
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Decode:
        return QStringLiteral("unexpected response body (HTTP %1)").arg(status);
    case Kind::Session:
        return QStringLiteral("session ended");
    case Kind::Keychain:
        return QStringLiteral("keychain failure");
    }
    return QString();
}

ApiError ApiError::fromProblem(const Problem &p)
{
    ApiError e;
    e.kind = Kind::Http;
    e.status = p.status;
    e.code = p.code;
    e.detail = p.detail;
    e.fieldErrors = p.errors;
    e.requestId = p.requestId;
    e.extra = p.extra;
    return e;
}

ApiError ApiError::transport(Kind kind, const QString &detail)
{
    ApiError e;
    e.kind = kind;
    e.detail = detail;
    return e;
}

ApiError ApiError::session(ErrorCode code, const QString &detail)
{
    ApiError e;
    e.kind = Kind::Session;
    e.status = httpStatusFor(code);
    e.code = code;
    e.detail = detail;
    return e;
}

} // namespace corkboard::client
