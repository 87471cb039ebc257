#include "server/http/router.h"

#include <QVarLengthArray>

namespace corkboard {

void Router::add(
    const QByteArray &method, const QString &pattern, Handler handler, RouteOptions options)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &seg : std::as_const(r.segments))
        r.isParam.append(seg.startsWith(QLatin1Char('{')) && seg.endsWith(QLatin1Char('}')));
    r.handler = std::move(handler);
    r.options = options;
    if (r.options.streamBody && !m_streamMethods.contains(method))
        m_streamMethods.append(method);
    m_byLength[r.segments.size()].append(m_routes.size());
    m_routes.append(std::move(r));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    // Every request is routed (and its head checked against its route's body limit): no list or
    // hash is built for a route the path does not match.
    Match result;
    QVarLengthArray<QStringView, 12> parts;
    for (const QStringView part : QStringView(path).tokenize(u'/', Qt::SkipEmptyParts))
        parts.append(part);
    const auto candidates = m_byLength.constFind(parts.size());
    if (candidates == m_byLength.cend())
        return result;
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    for (const qsizetype index : *candidates) {
        const Route &route = m_routes.at(index);
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i)
            ok = route.isParam.at(i) || route.segments.at(i) == parts.at(i);
        if (!ok)
            continue;
        if (!result.allowed.contains(route.method))
            result.allowed.append(route.method);
        if (route.method == wanted && !result.route) {
            result.route = &route;
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (route.isParam.at(i)) {
                    const QString &seg = route.segments.at(i);
                    result.params.insert(seg.mid(1, seg.size() - 2), parts.at(i).toString());
                }
            }
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
