#pragma once

#include "shared/problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace corkboard {

//! Reads the fields of a JSON request body, collecting one field error per bad field (missing,
//! wrong type, unknown) so a controller can answer every problem at once with finish().
class BodyReader
{
public:
    BodyReader(const QJsonObject &body, QStringList allowed);

    //! A string field that must be present. Strings holding NUL characters or text that was not
    //! valid UTF-8 (U+FFFD after decoding) are refused.
    QString requiredString(const QString &name);
    std::optional<QString> optionalString(const QString &name);
    std::optional<bool> optionalBool(const QString &name);
    //! Adds a field error of the caller's own (length, format …).
    void fail(const QString &field, const QString &code, const QString &message);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    //! Throws AppError VALIDATION_FAILED listing every error (unknown fields included).
    void finish();

    //! Length in Unicode code points (what "characters" means in the limits).
    static qsizetype codePoints(const QString &text);

private:
    std::optional<QString> stringField(const QString &name, bool required);

    QJsonObject m_body;
    QStringList m_allowed;
    QList<FieldError> m_errors;
};

} // namespace corkboard
