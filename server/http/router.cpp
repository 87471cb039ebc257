#include "server/http/router.h"

namespace corkboard {

void Router::add(
    const QByteArray &method, const QString &pattern, Handler handler, RouteOptions options)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.handler = std::move(handler);
    r.options = options;
    m_routes.append(std::move(r));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    for (const auto &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = route.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')) && seg.endsWith(QLatin1Char('}'))) {
                if (parts.at(i).isEmpty())
                    ok = false;
                else
                    params.insert(seg.mid(1, seg.size() - 2), parts.at(i));
            } else if (seg != parts.at(i)) {
                ok = false;
            }
        }
        if (!ok)
            continue;
        if (!result.allowed.contains(route.method))
            result.allowed.append(route.method);
        if (route.method == wanted && !result.route) {
            result.route = &route;
            result.params = std::move(params);
        }
    }
    if (!result.allowed.isEmpty()) {
        if (result.allowed.contains("GET") && !result.allowed.contains("HEAD"))
            result.allowed.append("HEAD");
        result.allowed.append("OPTIONS");
    }
    return result;
}

} // namespace corkboard
