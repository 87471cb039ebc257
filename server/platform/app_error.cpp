#include "server/platform/app_error.h"

namespace corkboard {

AppError::AppError(ErrorCode code, QString detail, QList<FieldError> errors)
    : m_code(code)
    , m_detail(std::move(detail))
    , m_errors(std::move(errors))
    , m_what((errorCodeName(code) + QStringLiteral(": ") + m_detail).toUtf8())
{
}

AppError &AppError::withExtra(const QString &key, const QJsonValue &value)
{
    m_extra.insert(key, value);
    return *this;
}

AppError &AppError::withRetryAfter(int seconds)
{
    m_retryAfter = seconds;
    return *this;
}

AppError AppError::notFound(const QString &what)
{
    return AppError(ErrorCode::NotFound, what + QStringLiteral(" not found"));
}

AppError AppError::validation(QList<FieldError> errors)
{
    return AppError(ErrorCode::ValidationFailed, QStringLiteral("the request has invalid fields"),
        std::move(errors));
}

AppError AppError::validation(const QString &field, const QString &code, const QString &message)
{
    return validation({FieldError {field, code, message}});
}

} // namespace corkboard
