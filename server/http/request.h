#pragma once

#include "server/http/rate_key.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <memory>
#include <optional>

class QTcpSocket;

namespace corkboard {

class ConnectionGuard;
struct UploadTarget;
struct UploadResult;

//! Who is calling, as established by the auth hook.
struct Principal
{
    QString userId;
    QString role; //!< admin | member
    QString sessionId; //!< the sign-in (refresh-token family) the access token belongs to
    bool isAdmin() const { return role == QLatin1String("admin"); }
};

//! Our own request: controllers take this, so they are testable without a socket.
struct Request
{
    QByteArray method; //!< upper case; HEAD arrives as HEAD
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer; //!< the client (behind a trusted proxy: from X-Forwarded-For)
    QHostAddress transportPeer; //!< the address the connection came from (the proxy, if any)
    //! transportPeer's rate-limit key, worked out once per connection by its guard (empty: the
    //! pipeline works it out)
    RateKey transportKey;
    bool secure = false; //!< HTTPS: our TLS, or a trusted proxy's X-Forwarded-Proto: https
    QString requestId;
    QHash<QString, QString> pathParams;
    QString routePattern;
    const void *routeId = nullptr; //!< the matched route (its identity, for metrics)
    QJsonObject json; //!< the parsed body for JSON routes
    std::optional<Principal> principal;
    //! Streamed upload routes: where the body goes (set by the route's prepare step) and what
    //! the connection guard stored (set before the handler runs).
    std::shared_ptr<UploadTarget> uploadTarget;
    const UploadResult *upload = nullptr;

    // Transport, null when a controller is called directly in a test.
    QTcpSocket *socket = nullptr;
    ConnectionGuard *guard = nullptr;

    //! Sets path and query from a request target in origin form ("/path?query"), decoded as
    //! QtHttpServer 6.4 decodes it (path in QUrl's tolerant mode, then fully decoded).
    void setTarget(QByteArrayView target);
    //! First header with this name (case-insensitive), empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QString param(const QString &name) const { return pathParams.value(name); }
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    //! The authenticated caller; throws UNAUTHENTICATED when there is none.
    const Principal &user() const;
};

} // namespace corkboard
