#include "server/http/request.h"

#include "server/platform/app_error.h"

namespace corkboard {

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
