#include "server/features/users/user_validation.h"

#include "server/http/body_reader.h"

namespace corkboard::user_validation {

namespace {
bool isDomainLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-'))
        || label.endsWith(QLatin1Char('-')))
        return false;
    for (const QChar c : label) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-')))
            return false;
    }
    return true;
}

//! Characters that reorder or hide text without showing themselves: bidi embeddings, overrides
//! and isolates, directional marks, and zero-width characters. In a name they let one member
//! pose as another ("admin\u202E" …) or smuggle text past a reader.
bool isInvisibleFormatting(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
        || c == 0x200F || c == 0x061C || (c >= 0x200B && c <= 0x200D) || c == 0xFEFF || c == 0x2060;
}
} // namespace

bool isValidEmail(const QString &email)
{
    if (email.size() > kEmailMax)
        return false;
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at > 64 || at == email.size() - 1)
        return false;
    const QStringView local = QStringView(email).left(at);
    const QStringView domain = QStringView(email).mid(at + 1);
    static const QString localSpecials = QStringLiteral("!#$%&'*+/=?^_`{|}~.-");
    for (const QChar c : local) {
        if (!(c.isLetterOrNumber() || localSpecials.contains(c)))
            return false;
    }
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))
        || local.contains(QLatin1String("..")))
        return false;
    const auto labels = domain.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return false;
    for (const auto &label : labels) {
        if (!isDomainLabel(label))
            return false;
    }
    return labels.last().size() >= 2;
}

void checkEmail(BodyReader &reader, const QString &field, const QString &value)
{
    if (value.size() > kEmailMax)
        reader.fail(field, QStringLiteral("too_long"),
            QStringLiteral("must be at most %1 characters").arg(kEmailMax));
    else if (!isValidEmail(value))
        reader.fail(
            field, QStringLiteral("invalid_format"), QStringLiteral("must be an e-mail address"));
}

void checkPassword(BodyReader &reader, const QString &field, const QString &value)
{
    const qsizetype n = BodyReader::codePoints(value);
    if (n < kPasswordMin)
        reader.fail(field, QStringLiteral("too_short"),
            QStringLiteral("must be at least %1 characters").arg(kPasswordMin));
    else if (n > kPasswordMax)
        reader.fail(field, QStringLiteral("too_long"),
            QStringLiteral("must be at most %1 characters").arg(kPasswordMax));
}

void checkDisplayName(BodyReader &reader, const QString &field, const QString &value)
{
    const qsizetype n = BodyReader::codePoints(value);
    if (n < 1) {
        reader.fail(field, QStringLiteral("too_short"), QStringLiteral("must not be empty"));
        return;
    }
    if (n > kDisplayNameMax) {
        reader.fail(field, QStringLiteral("too_long"),
            QStringLiteral("must be at most %1 characters").arg(kDisplayNameMax));
        return;
    }
    if (value.trimmed().isEmpty()) {
        reader.fail(field, QStringLiteral("blank"), QStringLiteral("must not be only spaces"));
        return;
    }
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control) {
            reader.fail(field, QStringLiteral("invalid_characters"),
                QStringLiteral("must not contain control characters"));
            return;
        }
        if (isInvisibleFormatting(c.unicode())) {
            reader.fail(field, QStringLiteral("invisible_characters"),
                QStringLiteral("must not contain bidirectional controls or zero-width characters "
                               "(U+%1)")
                    .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0')));
            return;
        }
    }
}

} // namespace corkboard::user_validation
