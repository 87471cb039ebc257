#pragma once

#include "shared/dto/activity.h"

#include <QList>

namespace corkboard {

class Database;
class SqlQuery;

//! Full-text queries limited to the caller's boards: FTS5 (cards_fts, comments_fts) on SQLite,
//! tsvector columns with GIN indexes on PostgreSQL; the same hits from both.
class SearchRepository
{
public:
    explicit SearchRepository(Database &db)
        : m_db(db)
    {
    }

    //! `match` is an FTS5 expression built by the service; boardId empty: every board of the user.
    //! Snippets come back with U+0002/U+0003 around matches, best (lowest bm25) first.
    QList<SearchHit> search(
        const QString &userId, const QString &match, const QString &boardId, int limit);

private:
    static QList<SearchHit> readHits(SqlQuery &q);
    Database &m_db;
};

} // namespace corkboard
