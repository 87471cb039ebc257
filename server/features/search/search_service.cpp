#include "server/features/search/search_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/common/service_util.h"
#include "server/features/search/search_repository.h"

namespace corkboard {

QString SearchService::matchExpression(const QString &text)
{
    QStringList terms;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty() && terms.size() < 16)
            terms.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c.isMark() || c.isSurrogate())
            word += c;
        else
            flush();
    }
    flush();
    return terms.join(QLatin1Char(' '));
}

QString SearchService::highlight(const QString &raw)
{
    QString out;
    out.reserve(raw.size() + 32);
    for (const QChar c : raw) {
        switch (c.unicode()) {
        case 0x02:
            out += QStringLiteral("<mark>");
            break;
        case 0x03:
            out += QStringLiteral("</mark>");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case '\'':
            out += QStringLiteral("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QList<SearchHit> SearchService::search(
    const QString &userId, const QString &text, const QString &boardId, int limit)
{
    const QString match = matchExpression(text);
    if (match.isEmpty())
        throw AppError::validation(QStringLiteral("q"), QStringLiteral("no_words"),
            QStringLiteral("give at least one word to search for"));
    ReadTransaction read(m_db);
    if (!boardId.isEmpty())
        BoardAccess(m_db).require(boardId, userId, BoardRole::Viewer);
    auto hits = SearchRepository(m_db).search(userId, match, boardId, limit);
    for (auto &h : hits)
        h.snippet = highlight(h.snippet);
    return hits;
}

} // namespace corkboard
