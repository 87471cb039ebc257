#pragma once

#include "shared/problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <exception>

namespace corkboard {

//! A typed application error thrown by services; exactly one place maps it to problem+json.
class AppError : public std::exception
{
public:
    AppError(ErrorCode code, QString detail, QList<FieldError> errors = {});

    ErrorCode code() const { return m_code; }
    const QString &detail() const { return m_detail; }
    const QList<FieldError> &fieldErrors() const { return m_errors; }
    //! Extra problem members, e.g. "current" for 412.
    const QJsonObject &extra() const { return m_extra; }
    AppError &withExtra(const QString &key, const QJsonValue &value);
    //! Seconds for Retry-After on RATE_LIMITED (0: none).
    int retryAfterSeconds() const { return m_retryAfter; }
    AppError &withRetryAfter(int seconds);
    const char *what() const noexcept override { return m_what.constData(); }

    static AppError notFound(const QString &what);
    static AppError validation(QList<FieldError> errors);
    static AppError validation(const QString &field, const QString &code, const QString &message);

private:
    ErrorCode m_code;
    QString m_detail;
    QList<FieldError> m_errors;
    QJsonObject m_extra;
    int m_retryAfter = 0;
    QByteArray m_what;
};

} // namespace corkboard
