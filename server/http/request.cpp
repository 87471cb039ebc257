#include "server/http/request.h"

#include "server/platform/app_error.h"

#include <QUrl>

#include <algorithm>

namespace corkboard {

void Request::setTarget(QByteArrayView target)
{
    const qsizetype q = target.indexOf('?');
    const QByteArrayView pathPart = q < 0 ? target : target.first(q);
    // The usual target ("/api/v1/boards/<id>/cards") has nothing to decode: no QUrl needed.
    const bool plain = q < 0 && std::all_of(pathPart.begin(), pathPart.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
    });
    if (plain) {
        path = QString::fromLatin1(pathPart);
        query.clear();
        return;
    }
    QUrl url;
    url.setPath(QString::fromUtf8(pathPart), QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(QString::fromUtf8(target.sliced(q + 1)));
    path = url.path(QUrl::FullyDecoded);
    query = QUrlQuery(url);
}

QByteArray Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

bool Request::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

const Principal &Request::user() const
{
    if (!principal)
        throw AppError(ErrorCode::Unauthenticated, QStringLiteral("sign in first"));
    return *principal;
}

} // namespace corkboard
