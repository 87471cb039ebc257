#include "server/features/search/search_repository.h"

#include "server/platform/database.h"

namespace corkboard {

namespace {
// PostgreSQL: the service's FTS5 expression ("word"* "word"* …, words of letters and digits only)
// as a tsquery text of prefix terms that must all match ('word':* & 'word':*).
QString tsQueryText(const QString &match)
{
    QStringList terms;
    const auto words = match.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString w : words) {
        w.remove(QLatin1Char('"')).remove(QLatin1Char('*'));
        w.replace(QLatin1Char('\''), QLatin1String("''")).remove(QLatin1Char('\\'));
        if (!w.isEmpty())
            terms.append(QLatin1Char('\'') + w + QStringLiteral("':*"));
    }
    return terms.join(QStringLiteral(" & "));
}

// ts_headline drops what its parser takes for HTML tags; '<' and '>' travel through it as
// U+0001/U+0004 and come back (the service escapes the snippet for display anyway).
QString headline(const char *text)
{
    return QStringLiteral("replace(replace(ts_headline('simple', replace(replace(%1, '<', chr(1)), "
                          "'>', chr(4)), t.q, ?), chr(1), '<'), chr(4), '>')")
        .arg(QLatin1String(text));
}

// tsvector columns (GIN indexed, 'simple' configuration: no stemming, as FTS5's unicode61) and
// ts_headline/ts_rank_cd in place of FTS5's snippet/bm25; rank negated so the best sorts first
// as bm25 does. The snippet comes from the title when it matches, else the description (FTS5's
// snippet picks the best column). The query text is a bound value, parsed by to_tsquery only.
const QString kPostgresSearch = QStringLiteral(
    "SELECT kind, id, board_id, card_id, title, snip, rank FROM ("
    " SELECT 'card' AS kind, c.id AS id, c.board_id AS board_id, c.id AS card_id,"
    "  c.title AS title, %1 AS snip, -ts_rank_cd(c.search, t.q) AS rank"
    "  FROM (SELECT to_tsquery('simple', ?) AS q) t"
    "  JOIN cards c ON c.search @@ t.q"
    "  JOIN board_members m ON m.board_id = c.board_id AND m.user_id = ?"
    "  WHERE (? = '' OR c.board_id = ?) AND c.archived = 0"
    " UNION ALL"
    " SELECT 'comment', cm.id, cm.board_id, cm.card_id, c.title, %2, -ts_rank_cd(cm.search, t.q)"
    "  FROM (SELECT to_tsquery('simple', ?) AS q) t"
    "  JOIN comments cm ON cm.search @@ t.q"
    "  JOIN cards c ON c.id = cm.card_id"
    "  JOIN board_members m ON m.board_id = cm.board_id AND m.user_id = ?"
    "  WHERE (? = '' OR cm.board_id = ?) AND c.archived = 0"
    ") hits ORDER BY rank, id LIMIT ?")
                                    .arg(headline("CASE WHEN to_tsvector('simple', c.title) @@ "
                                                  "t.q THEN c.title ELSE c.description END"),
                                        headline("cm.body"));
} // namespace

QList<SearchHit> SearchRepository::search(
    const QString &userId, const QString &match, const QString &boardId, int limit)
{
    const QString board = boardId.isNull() ? QString::fromLatin1("") : boardId;
    if (m_db.isPostgres()) {
        const QString query = tsQueryText(match);
        const QString options = QStringLiteral("StartSel=\"\x02\", StopSel=\"\x03\", "
                                               "MaxWords=16, MinWords=15, ShortWord=1");
        SqlQuery q(m_db, kPostgresSearch);
        q.bind(0, options).bind(1, query).bind(2, userId).bind(3, board).bind(4, board);
        q.bind(5, options).bind(6, query).bind(7, userId).bind(8, board).bind(9, board);
        q.bind(10, limit).exec();
        return readHits(q);
    }
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT kind, id, board_id, card_id, title, snip, rank FROM ("
            " SELECT 'card' AS kind, c.id AS id, c.board_id AS board_id, c.id AS card_id, c.title "
            "AS title,"
            "  snippet(cards_fts, -1, char(2), char(3), '…', 16) AS snip, bm25(cards_fts, 4.0, "
            "1.0) AS rank"
            "  FROM cards_fts JOIN cards c ON c.rid = cards_fts.rowid"
            "  JOIN board_members m ON m.board_id = c.board_id AND m.user_id = ?"
            "  WHERE cards_fts MATCH ? AND (? = '' OR c.board_id = ?) AND c.archived = 0"
            " UNION ALL"
            " SELECT 'comment', cm.id, cm.board_id, cm.card_id, c.title,"
            "  snippet(comments_fts, 0, char(2), char(3), '…', 16), bm25(comments_fts)"
            "  FROM comments_fts JOIN comments cm ON cm.rid = comments_fts.rowid"
            "  JOIN cards c ON c.id = cm.card_id"
            "  JOIN board_members m ON m.board_id = cm.board_id AND m.user_id = ?"
            "  WHERE comments_fts MATCH ? AND (? = '' OR cm.board_id = ?) AND c.archived = 0"
            ") ORDER BY rank, id LIMIT ?"));
    q.bind(0, userId).bind(1, match).bind(2, board).bind(3, board);
    q.bind(4, userId).bind(5, match).bind(6, board).bind(7, board).bind(8, limit);
    q.exec();
    return readHits(q);
}

QList<SearchHit> SearchRepository::readHits(SqlQuery &q)
{
    QList<SearchHit> out;
    while (q.next()) {
        SearchHit h;
        h.kind = q.value(0).toString();
        h.id = q.value(1).toString();
        h.boardId = q.value(2).toString();
        h.cardId = q.value(3).toString();
        h.title = q.value(4).toString();
        h.snippet = q.value(5).toString();
        h.rank = q.value(6).toDouble();
        out.append(h);
    }
    return out;
}

} // namespace corkboard
