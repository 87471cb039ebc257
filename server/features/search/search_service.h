#pragma once

#include "shared/dto/activity.h"

#include <QList>

namespace corkboard {

class Database;

//! Full-text search over card titles, descriptions and comment bodies on the caller's boards.
//! The user's text never reaches FTS5 syntax: it is split into words, each quoted as a prefix.
class SearchService
{
public:
    explicit SearchService(Database &db)
        : m_db(db)
    {
    }

    QList<SearchHit> search(
        const QString &userId, const QString &text, const QString &boardId, int limit);

    //! "foo bar" → "\"foo\"* \"bar\"*" (empty when there is no word to search for).
    static QString matchExpression(const QString &text);
    //! HTML-escapes a raw snippet and turns the U+0002/U+0003 markers into <mark>…</mark>.
    static QString highlight(const QString &raw);

private:
    Database &m_db;
};

} // namespace corkboard
