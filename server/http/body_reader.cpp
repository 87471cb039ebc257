#include "server/http/body_reader.h"

#include "server/platform/app_error.h"

namespace corkboard {

BodyReader::BodyReader(const QJsonObject &body, QStringList allowed)
    : m_body(body)
    , m_allowed(std::move(allowed))
{
}

qsizetype BodyReader::codePoints(const QString &text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++n;
    }
    return n;
}

void BodyReader::fail(const QString &field, const QString &code, const QString &message)
{
    for (const auto &e : std::as_const(m_errors)) {
        if (e.field == field)
            return; // one error per field is enough
    }
    m_errors.append(FieldError {field, code, message});
}

std::optional<QString> BodyReader::stringField(const QString &name, bool required)
{
    const auto it = m_body.constFind(name);
    if (it == m_body.constEnd() || (!required && it->isNull())) {
        if (required)
            fail(name, QStringLiteral("required"), QStringLiteral("this field is required"));
        return std::nullopt;
    }
    if (!it->isString()) {
        fail(name, QStringLiteral("invalid_type"), QStringLiteral("must be a string"));
        return std::nullopt;
    }
    const QString value = it->toString();
    if (value.contains(QChar(0))) {
        fail(name, QStringLiteral("invalid_characters"),
            QStringLiteral("must not contain NUL characters"));
        return std::nullopt;
    }
    if (value.contains(QChar(QChar::ReplacementCharacter))) {
        fail(name, QStringLiteral("invalid_encoding"), QStringLiteral("must be valid UTF-8"));
        return std::nullopt;
    }
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const bool lone
            = (c.isHighSurrogate() && (i + 1 >= value.size() || !value.at(i + 1).isLowSurrogate()))
            || (c.isLowSurrogate() && (i == 0 || !value.at(i - 1).isHighSurrogate()));
        if (lone) {
            fail(name, QStringLiteral("invalid_encoding"), QStringLiteral("must be valid UTF-8"));
            return std::nullopt;
        }
    }
    return value;
}

QString BodyReader::requiredString(const QString &name)
{
    return stringField(name, true).value_or(QString());
}

std::optional<QString> BodyReader::optionalString(const QString &name)
{
    return stringField(name, false);
}

std::optional<bool> BodyReader::optionalBool(const QString &name)
{
    const auto it = m_body.constFind(name);
    if (it == m_body.constEnd() || it->isNull())
        return std::nullopt;
    if (!it->isBool()) {
        fail(name, QStringLiteral("invalid_type"), QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return it->toBool();
}

void BodyReader::finish()
{
    for (auto it = m_body.constBegin(); it != m_body.constEnd(); ++it) {
        if (!m_allowed.contains(it.key()))
            fail(it.key().left(100), QStringLiteral("unknown_field"),
                QStringLiteral("this field is not accepted here"));
    }
    if (!m_errors.isEmpty())
        throw AppError::validation(m_errors);
}

} // namespace corkboard
