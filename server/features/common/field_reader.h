#pragma once

#include "shared/problem.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <optional>

namespace corkboard {

struct Request;
struct Response;

//! A field that may be absent, explicitly null, or set (PATCH semantics).
template<typename T>
struct Patch
{
    bool present = false;
    std::optional<T> value; //!< empty when the field was null
};

//! Reads a JSON request body strictly: unknown fields, wrong types, limits (counted in Unicode
//! characters) and NUL characters all become field errors; finish() throws 422 with all of them.
class FieldReader
{
public:
    FieldReader(const QJsonObject &json, std::initializer_list<const char *> allowed);

    bool has(const char *field) const;
    //! A string of minChars..maxChars characters; minChars ≥ 1 also refuses blank text.
    std::optional<QString> text(const char *field, int minChars, int maxChars, bool required);
    std::optional<bool> boolean(const char *field, bool required = false);
    //! An integer in [min, max] or null.
    Patch<int> nullableInt(const char *field, int min, int max);
    //! An RFC 3339 time or null.
    Patch<QDateTime> nullableTime(const char *field);
    //! A non-empty id string (≤ 64 chars).
    std::optional<QString> id(const char *field, bool required);
    //! An array of distinct id strings, at most maxCount.
    std::optional<QStringList> idList(const char *field, int maxCount);
    //! Throws VALIDATION_FAILED when any error was recorded.
    void finish() const;
    void addError(const QString &field, const QString &code, const QString &message);

private:
    QJsonObject m_json;
    QList<FieldError> m_errors;
};

//! Counts Unicode code points (an emoji is one character).
int characterCount(const QString &text);

//! If-Match as a version: nullopt when absent or "*", -1 when it can never match.
std::optional<qint64> ifMatchVersion(const Request &request);
//! Sets ETag: "<version>".
Response &withEtag(Response &response, qint64 version);
//! ?limit= (1–200, default 50); throws 422 otherwise.
int pageLimit(const Request &request);

} // namespace corkboard
