#pragma once

#include "server/features/auth/jwt_authenticator.h"
#include "server/features/auth/jwt_codec.h"
#include "server/features/events/live_backend.h"
#include "server/features/events/live_repository.h"
#include "server/features/events/outbox_repository.h"

namespace corkboard {

//! The live hubs' view of the real server on one thread: JWT access tokens (with the same user
//! check as every request), board membership and the `events` outbox in the database.
class SqlLiveBackend final : public LiveBackend
{
public:
    explicit SqlLiveBackend(const AccountDeps &deps);

    VerifiedToken verifyToken(const QString &token) override;
    bool canView(const QString &boardId, const QString &userId) override;
    QStringList viewers(const QString &boardId) override;
    std::vector<StoredEvent> eventsAfter(const QString &boardId, qint64 since, int limit) override;
    qint64 latestSeq() override;
    qint64 prunedThrough() override;
    int pruneEvents(int keepCount, const QDateTime &olderThan) override;

private:
    JwtCodec m_jwt;
    JwtAuthenticator m_authenticator;
    OutboxRepository m_outbox;
    LiveRepository m_live;
};

} // namespace corkboard
