#include "server/features/common/field_reader.h"

#include "server/http/request.h"
#include "server/http/response.h"
#include "server/platform/app_error.h"
#include "shared/dto/fast_time.h"
#include "shared/json_number.h"
#include "shared/time_format.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace corkboard {

namespace {
QString name(const char *field)
{
    return QString::fromLatin1(field);
}
} // namespace

int characterCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

FieldReader::FieldReader(const QJsonObject &json, std::initializer_list<const char *> allowed)
    : m_json(json)
{
    QSet<QString> known;
    for (const char *f : allowed)
        known.insert(name(f));
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            m_errors.append({it.key().left(100), QStringLiteral("unknown_field"),
                QStringLiteral("this field is not accepted here")});
    }
}

bool FieldReader::has(const char *field) const
{
    return m_json.contains(QLatin1String(field));
}

void FieldReader::addError(const QString &field, const QString &code, const QString &message)
{
    m_errors.append({field, code, message});
}

std::optional<QString> FieldReader::text(
    const char *field, int minChars, int maxChars, bool required)
{
    const auto v = m_json.value(QLatin1String(field));
    if (v.isUndefined()) {
        if (required)
            addError(
                name(field), QStringLiteral("required"), QStringLiteral("this field is required"));
        return std::nullopt;
    }
    if (!v.isString()) {
        addError(name(field), QStringLiteral("invalid_type"), QStringLiteral("must be a string"));
        return std::nullopt;
    }
    const QString s = v.toString();
    if (s.contains(QChar(0))) {
        addError(name(field), QStringLiteral("invalid_characters"),
            QStringLiteral("must not contain NUL characters"));
        return std::nullopt;
    }
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const bool paired = c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate();
        if (paired) {
            ++i;
        } else if (c.isSurrogate()) {
            addError(name(field), QStringLiteral("invalid_encoding"),
                QStringLiteral("contains an unpaired surrogate"));
            return std::nullopt;
        }
    }
    const int n = characterCount(s);
    if (minChars > 0 && s.trimmed().isEmpty()) {
        addError(name(field), QStringLiteral("blank"), QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    if (n < minChars) {
        addError(name(field), QStringLiteral("too_short"),
            QStringLiteral("must be at least %1 characters").arg(minChars));
        return std::nullopt;
    }
    if (n > maxChars) {
        addError(name(field), QStringLiteral("too_long"),
            QStringLiteral("must be at most %1 characters").arg(maxChars));
        return std::nullopt;
    }
    return s;
}

std::optional<bool> FieldReader::boolean(const char *field, bool required)
{
    const auto v = m_json.value(QLatin1String(field));
    if (v.isUndefined()) {
        if (required)
            addError(
                name(field), QStringLiteral("required"), QStringLiteral("this field is required"));
        return std::nullopt;
    }
    if (!v.isBool()) {
        addError(
            name(field), QStringLiteral("invalid_type"), QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

Patch<int> FieldReader::nullableInt(const char *field, int min, int max)
{
    Patch<int> out;
    const auto v = m_json.value(QLatin1String(field));
    if (v.isUndefined())
        return out;
    out.present = true;
    if (v.isNull())
        return out;
    // Range first, as a double: 1e300 or -1e300 must never reach an integer conversion.
    const double d = v.toDouble();
    if (!v.isDouble() || std::trunc(d) != d) {
        addError(name(field), QStringLiteral("invalid_type"),
            QStringLiteral("must be an integer or null"));
        out.present = false;
        return out;
    }
    const auto n = wholeNumber(v, min, max);
    if (!n) {
        addError(name(field), QStringLiteral("out_of_range"),
            QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        out.present = false;
        return out;
    }
    out.value = int(*n);
    return out;
}

Patch<QDateTime> FieldReader::nullableTime(const char *field)
{
    Patch<QDateTime> out;
    const auto v = m_json.value(QLatin1String(field));
    if (v.isUndefined())
        return out;
    out.present = true;
    if (v.isNull())
        return out;
    const QDateTime t = v.isString() && v.toString().size() <= 40
        ? fasttime::storedTime(v.toString())
        : QDateTime();
    if (!t.isValid()) {
        addError(name(field), QStringLiteral("invalid_format"),
            QStringLiteral("must be an RFC 3339 time or null"));
        out.present = false;
        return out;
    }
    out.value = t.toUTC();
    return out;
}

std::optional<QString> FieldReader::id(const char *field, bool required)
{
    const auto v = m_json.value(QLatin1String(field));
    if (v.isUndefined() || (v.isNull() && !required)) {
        if (required)
            addError(
                name(field), QStringLiteral("required"), QStringLiteral("this field is required"));
        return std::nullopt;
    }
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 64) {
        addError(
            name(field), QStringLiteral("invalid_type"), QStringLiteral("must be an id string"));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<QStringList> FieldReader::idList(const char *field, int maxCount)
{
    const auto v = m_json.value(QLatin1String(field));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isArray()) {
        addError(
            name(field), QStringLiteral("invalid_type"), QStringLiteral("must be an array of ids"));
        return std::nullopt;
    }
    const QJsonArray arr = v.toArray();
    if (arr.size() > maxCount) {
        addError(name(field), QStringLiteral("too_many"),
            QStringLiteral("at most %1 entries").arg(maxCount));
        return std::nullopt;
    }
    QStringList out;
    for (const auto &item : arr) {
        if (!item.isString() || item.toString().isEmpty() || item.toString().size() > 64) {
            addError(name(field), QStringLiteral("invalid_type"),
                QStringLiteral("must be an array of ids"));
            return std::nullopt;
        }
        if (out.contains(item.toString())) {
            addError(name(field), QStringLiteral("duplicate"),
                QStringLiteral("lists the same id twice"));
            return std::nullopt;
        }
        out.append(item.toString());
    }
    return out;
}

void FieldReader::finish() const
{
    if (!m_errors.isEmpty())
        throw AppError::validation(m_errors);
}

std::optional<qint64> ifMatchVersion(const Request &request)
{
    if (!request.hasHeader("If-Match"))
        return std::nullopt;
    QByteArray v = request.header("If-Match").trimmed();
    if (v == "*")
        return std::nullopt;
    if (v.startsWith("W/"))
        v = v.mid(2);
    if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
        v = v.mid(1, v.size() - 2);
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok && n > 0 ? n : -1;
}

Response &withEtag(Response &response, qint64 version)
{
    return response.withHeader("ETag", '"' + QByteArray::number(version) + '"');
}

int pageLimit(const Request &request)
{
    if (!request.query.hasQueryItem(QStringLiteral("limit")))
        return 50;
    bool ok = false;
    const int n = request.queryValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || n < 1 || n > 200)
        throw AppError::validation(QStringLiteral("limit"), QStringLiteral("out_of_range"),
            QStringLiteral("must be 1–200"));
    return n;
}

} // namespace corkboard
