#include "server/features/search/search_repository.h"

#include "server/platform/database.h"

namespace corkboard {

QList<SearchHit> SearchRepository::search(
    const QString &userId, const QString &match, const QString &boardId, int limit)
{
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
    const QString board = boardId.isNull() ? QString::fromLatin1("") : boardId;
    q.bind(0, userId).bind(1, match).bind(2, board).bind(3, board);
    q.bind(4, userId).bind(5, match).bind(6, board).bind(7, board).bind(8, limit);
    q.exec();
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
