#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace corkboard {

struct ThreadContext;

//! One row of the events outbox, as the hubs read it back.
struct StoredEvent
{
    qint64 seq = 0;
    QString boardId;
    QString type; //!< card.moved, member.removed …
    QString actorId;
    QDateTime at;
    QByteArray dataJson; //!< the resource as GET returns it, already JSON
};

//! Who a valid access token belongs to.
struct VerifiedToken
{
    QString userId;
    QString role;
    qint64 expiresAtMs = 0;
    QString sessionId; //!< the `sid` claim: revoking that session ends the connection
};

//! What the live hubs need from the rest of the server, on one server thread (it may use that
//! thread's database connection). Auth and the board domain provide the real implementation;
//! tests may install their own through LiveBus::setBackendFactory.
class LiveBackend
{
public:
    virtual ~LiveBackend() = default;

    //! Verifies an access token; throws AppError (UNAUTHENTICATED, TOKEN_EXPIRED) when it is not
    //! valid now.
    virtual VerifiedToken verifyToken(const QString &token) = 0;
    //! True when the user may watch the board (a member of it). False for unknown boards too.
    virtual bool canView(const QString &boardId, const QString &userId) = 0;
    //! Members of the board now (to drop subscribers removed by a member.* event).
    virtual QStringList viewers(const QString &boardId) = 0;
    //! Events of the board with seq > since, oldest first, at most limit of them.
    virtual std::vector<StoredEvent> eventsAfter(const QString &boardId, qint64 since, int limit)
        = 0;
    //! The highest seq ever written (0 when none).
    virtual qint64 latestSeq() = 0;
    //! Every event with seq <= this may have been removed by retention (0: nothing removed).
    virtual qint64 prunedThrough() = 0;
    //! Retention: removes events beyond the newest keepCount and older than the cut-off, as one
    //! prefix of the sequence; returns how many it removed.
    virtual int pruneEvents(int keepCount, const QDateTime &olderThan) = 0;
};

using LiveBackendFactory = std::function<std::unique_ptr<LiveBackend>(ThreadContext &)>;

} // namespace corkboard
