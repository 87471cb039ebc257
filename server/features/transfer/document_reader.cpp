#include "server/features/transfer/document_reader.h"

#include "server/features/common/field_reader.h"
#include "server/platform/app_error.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
constexpr int kListedErrors = 50;

int depthOf(const QJsonValue &v, int limit)
{
    if (limit < 0)
        return 1;
    int deepest = 0;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end() && deepest <= limit; ++it)
            deepest = std::max(deepest, depthOf(it.value(), limit - 1));
        return deepest + 1;
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const auto &item : a) {
            deepest = std::max(deepest, depthOf(item, limit - 1));
            if (deepest > limit)
                break;
        }
        return deepest + 1;
    }
    return 0;
}
} // namespace

QString DocumentReader::at(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
}

QString DocumentReader::at(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void DocumentReader::fail(const QString &path, const QString &code, const QString &message)
{
    ++m_total;
    if (m_errors.size() < kListedErrors)
        m_errors.append({path.left(200), code, message});
}

void DocumentReader::finish() const
{
    if (m_errors.isEmpty())
        return;
    QList<FieldError> errors = m_errors;
    AppError error = AppError::validation(errors);
    if (m_total > m_errors.size())
        error.withExtra(QStringLiteral("errors_total"), m_total);
    throw error;
}

bool DocumentReader::checkDepth(const QJsonValue &root, int maxDepth)
{
    if (depthOf(root, maxDepth) > maxDepth) {
        fail(QStringLiteral("document"), QStringLiteral("too_deep"),
            QStringLiteral("the document is nested deeper than %1 levels").arg(maxDepth));
        return false;
    }
    return true;
}

std::optional<QString> DocumentReader::text(const QJsonObject &o, const char *key,
    const QString &path, int minChars, int maxChars, bool required, bool nullable)
{
    const QString where = at(path, key);
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || (nullable && v.isNull())) {
        if (required && v.isUndefined())
            fail(where, QStringLiteral("required"), QStringLiteral("this field is required"));
        return std::nullopt;
    }
    if (!v.isString()) {
        fail(where, QStringLiteral("invalid_type"), QStringLiteral("must be a string"));
        return std::nullopt;
    }
    const QString s = v.toString();
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isNull()) {
            fail(where, QStringLiteral("invalid_characters"),
                QStringLiteral("must not contain NUL characters"));
            return std::nullopt;
        }
        if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            ++i;
        } else if (c.isSurrogate()) {
            fail(where, QStringLiteral("invalid_characters"),
                QStringLiteral("must be valid Unicode text"));
            return std::nullopt;
        }
    }
    const int n = characterCount(s);
    if (n > maxChars) {
        fail(where, QStringLiteral("too_long"),
            QStringLiteral("must be at most %1 characters (is %2)").arg(maxChars).arg(n));
        return std::nullopt;
    }
    if (n < minChars || (minChars > 0 && s.trimmed().isEmpty())) {
        fail(where, minChars <= 1 ? QStringLiteral("required") : QStringLiteral("too_short"),
            QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return s;
}

std::optional<bool> DocumentReader::boolean(
    const QJsonObject &o, const char *key, const QString &path, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required)
            fail(at(path, key), QStringLiteral("required"),
                QStringLiteral("this field is required"));
        return std::nullopt;
    }
    if (!v.isBool()) {
        fail(
            at(path, key), QStringLiteral("invalid_type"), QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QDateTime> DocumentReader::time(
    const QJsonObject &o, const char *key, const QString &path, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(at(path, key), QStringLiteral("required"),
                QStringLiteral("this field is required"));
        return QDateTime();
    }
    const QDateTime t
        = v.isString() && v.toString().size() <= 40 ? fromRfc3339(v.toString()) : QDateTime();
    if (!t.isValid()) {
        fail(at(path, key), QStringLiteral("invalid_format"),
            QStringLiteral("must be an RFC 3339 time"));
        return std::nullopt;
    }
    return t.toUTC();
}

std::optional<int> DocumentReader::integer(
    const QJsonObject &o, const char *key, const QString &path, int min, int max)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max) {
        fail(at(path, key), QStringLiteral("invalid_type"),
            QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return int(d);
}

QJsonArray DocumentReader::array(
    const QJsonObject &o, const char *key, const QString &path, int maxCount, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(at(path, key), QStringLiteral("required"),
                QStringLiteral("this field is required"));
        return {};
    }
    if (!v.isArray()) {
        fail(at(path, key), QStringLiteral("invalid_type"), QStringLiteral("must be an array"));
        return {};
    }
    const QJsonArray a = v.toArray();
    if (a.size() > maxCount) {
        fail(at(path, key), QStringLiteral("too_many"),
            QStringLiteral("at most %1 items (has %2)").arg(maxCount).arg(a.size()));
        return {};
    }
    return a;
}

QJsonObject DocumentReader::object(const QJsonValue &v, const QString &path)
{
    if (!v.isObject()) {
        fail(path, QStringLiteral("invalid_type"), QStringLiteral("must be an object"));
        return {};
    }
    return v.toObject();
}

void DocumentReader::onlyKnown(
    const QJsonObject &o, const QString &path, const QStringList &allowed)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!allowed.contains(it.key()))
            fail(path.isEmpty() ? it.key().left(100) : path + QLatin1Char('.') + it.key().left(100),
                QStringLiteral("unknown_field"), QStringLiteral("this field is not accepted here"));
    }
}

} // namespace corkboard
