#pragma once

#include "shared/problem.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace corkboard {

//! Reads an imported document strictly, collecting every problem with its path
//! ("cards[3].title") before anything is written: wrong types, limits counted in Unicode
//! characters, NUL and lone surrogates, too many items, too deep. finish() throws one 422.
class DocumentReader
{
public:
    //! Fails the whole document when its nesting is deeper than maxDepth.
    bool checkDepth(const QJsonValue &root, int maxDepth);

    //! A string of minChars..maxChars characters (minChars ≥ 1 also refuses blank text);
    //! nullopt when absent (and not required) or wrong.
    std::optional<QString> text(const QJsonObject &o, const char *key, const QString &path,
        int minChars, int maxChars, bool required, bool nullable = false);
    std::optional<bool> boolean(
        const QJsonObject &o, const char *key, const QString &path, bool required);
    //! An RFC 3339 time or null (invalid QDateTime), nullopt when wrong.
    std::optional<QDateTime> time(
        const QJsonObject &o, const char *key, const QString &path, bool required);
    std::optional<int> integer(
        const QJsonObject &o, const char *key, const QString &path, int min, int max);
    //! An array of at most maxCount items (absent: empty unless required).
    QJsonArray array(
        const QJsonObject &o, const char *key, const QString &path, int maxCount, bool required);
    //! The item at index as an object (an error otherwise).
    QJsonObject object(const QJsonValue &v, const QString &path);
    //! Refuses members not in `allowed`.
    void onlyKnown(const QJsonObject &o, const QString &path, const QStringList &allowed);

    void fail(const QString &path, const QString &code, const QString &message);
    bool ok() const { return m_errors.isEmpty(); }
    //! Throws VALIDATION_FAILED with every problem found (at most 50 listed).
    void finish() const;

    static QString at(const QString &path, const char *key);
    static QString at(const QString &path, qsizetype index);

private:
    QList<FieldError> m_errors;
    int m_total = 0;
};

} // namespace corkboard
