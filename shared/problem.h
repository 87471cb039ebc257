#pragma once

#include "shared/error_code.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace corkboard {

//! One invalid field of a request: {"field", "code", "message"}.
struct FieldError
{
    QString field;
    QString code;
    QString message;
    bool operator==(const FieldError &) const = default;
};

//! An RFC 9457 problem document as both sides see it.
struct Problem
{
    int status = 500;
    ErrorCode code = ErrorCode::Internal;
    QString title;
    QString detail;
    QString requestId;
    QList<FieldError> errors;
    QJsonObject extra; //!< additional members, e.g. "current" on 412

    QByteArray toJson() const;
    //! Decodes a problem body; returns false when the body is not a problem document.
    static bool fromJson(const QByteArray &body, Problem &out);
};

} // namespace corkboard
