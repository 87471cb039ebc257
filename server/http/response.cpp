#include "server/http/response.h"

namespace corkboard {

Response Response::json(int status, QByteArray body)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response Response::data(int status, const QByteArray &json)
{
    QByteArray body;
    body.reserve(json.size() + 10);
    body.append("{\"data\":", 8);
    body.append(json);
    body.append('}');
    return Response::json(status, std::move(body));
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response Response::text(int status, QByteArray body, QByteArray contentType)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

Response Response::takeOver()
{
    Response r;
    r.takenOver = true;
    return r;
}

Response &Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

} // namespace corkboard
