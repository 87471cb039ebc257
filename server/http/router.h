#pragma once

#include "server/http/request.h"
#include "server/http/response.h"
#include "server/http/upload_stream.h"

#include <QByteArrayList>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace corkboard {

using Handler = std::function<Response(Request &)>;

//! What a route accepts as a body.
enum class BodyKind
{
    None,
    Json,
    OptionalJson
};

struct RouteOptions
{
    bool auth = true; //!< the auth hook must establish a Principal
    BodyKind body = BodyKind::None;
    qint64 maxBodyBytes = -1; //!< -1: CORKBOARD_MAX_BODY_BYTES
    bool streaming = false; //!< SSE/WebSocket: exempt from the connection guard's timers
    //! A board write that may run on the write lane (SQLite: one thread, one connection, several
    //! requests per transaction). Its handler must do nothing but database work that a rollback
    //! undoes, and publish through Database::afterCommit (Mutation does).
    bool writeLane = false;
    //! Upload routes: a body of a content type this accepts is streamed by the connection guard
    //! into the file prepareUpload names (never buffered by QtHttpServer); prepareUpload runs
    //! after auth and before the first body byte, the handler after the last (request.upload).
    std::function<bool(const QByteArray &contentType)> streamBody;
    std::function<UploadTarget(Request &)> prepareUpload;
    qint64 maxStreamBytes = -1; //!< body limit of a streamed body (-1: maxBodyBytes)
    QString tooLargeHint; //!< added to the 413 of a streamed body (where larger files go)
    //! Also reachable through a signed URL: a request with no Authorization header and a `sig`
    //! in its query gets its Principal from this (not from the auth hook), which checks the
    //! signature and throws AppError (403) on a bad or expired one.
    std::function<Principal(const Request &)> signedAccess;
};

struct Route
{
    QByteArray method;
    QString pattern;
    QStringList segments;
    QList<bool> isParam; //!< per segment: a {param}
    Handler handler;
    RouteOptions options;
};

//! Our router: literal segments and {param} segments; 404 vs 405 decided here.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler,
        RouteOptions options = {});

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QByteArrayList allowed; //!< methods the path answers to (for 405 and OPTIONS)
    };
    //! HEAD matches GET routes.
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }
    //! True when some route streams a body for `method` (wantsStream asks nothing else first).
    bool streamsFor(const QByteArray &method) const { return m_streamMethods.contains(method); }

private:
    QList<Route> m_routes;
    //! Route indexes by segment count, in the order the routes were added (a request's path only
    //! ever matches routes of its own length).
    QHash<qsizetype, QList<qsizetype>> m_byLength;
    QByteArrayList m_streamMethods;
};

} // namespace corkboard
