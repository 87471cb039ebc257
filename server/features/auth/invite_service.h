#pragma once

#include "server/features/auth/invite_repository.h"
#include "shared/dto/auth.h"

namespace corkboard {

struct ServerContext;
class Database;

//! Admin-issued, single-use, expiring invite codes.
class InviteService
{
public:
    static constexpr qint64 kLifetimeDays = 7;

    InviteService(ServerContext &server, Database &db);
    //! The new invite with its code (shown once; only its hash is kept).
    dto::Invite create(const QString &adminId, const QString &role);
    QList<dto::Invite> list();
    void remove(const QString &code);

private:
    ServerContext &m_server;
    Database &m_db;
    InviteRepository m_invites;
};

} // namespace corkboard
