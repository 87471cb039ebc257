#include "app/shell/card_link.h"

#include <QUrl>
#include <QUrlQuery>

namespace corkboard::ui {

namespace {
constexpr qsizetype kMaxLink = 2048;

bool plainId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-')
            && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

bool plainServer(const QString &server)
{
    if (server == QLatin1String(CardLink::kLocal))
        return true;
    const QUrl url(server, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
        && url.userInfo().isEmpty() && !url.hasQuery() && !url.hasFragment();
}
} // namespace

QString CardLink::toString() const
{
    QUrlQuery query;
    query.addQueryItem(
        QStringLiteral("server"), QString::fromLatin1(QUrl::toPercentEncoding(server)));
    query.addQueryItem(QStringLiteral("board"), boardId);
    if (!cardId.isEmpty())
        query.addQueryItem(QStringLiteral("card"), cardId);
    QUrl url;
    url.setScheme(QStringLiteral("corkboard"));
    url.setHost(QStringLiteral("open"));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

std::optional<CardLink> CardLink::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxLink)
        return std::nullopt;
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("corkboard")
        || url.host() != QLatin1String("open") || !url.path().isEmpty() || url.hasFragment()
        || !url.userInfo().isEmpty() || url.port() != -1)
        return std::nullopt;
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    CardLink link;
    for (const auto &[key, value] : items) {
        QString *field = key == QLatin1String("server") ? &link.server
            : key == QLatin1String("board")             ? &link.boardId
            : key == QLatin1String("card")              ? &link.cardId
                                                        : nullptr;
        if (!field || !field->isEmpty()) // unknown or repeated
            return std::nullopt;
        *field = value;
    }
    if (!plainServer(link.server) || !plainId(link.boardId)
        || (!link.cardId.isEmpty() && !plainId(link.cardId)))
        return std::nullopt;
    return link;
}

} // namespace corkboard::ui
