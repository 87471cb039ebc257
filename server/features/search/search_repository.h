#pragma once

#include "shared/dto/activity.h"

#include <QList>

namespace corkboard {

class Database;

//! FTS5 queries over cards_fts and comments_fts, limited to the caller's boards.
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
    Database &m_db;
};

} // namespace corkboard
