#pragma once

#include "server/features/auth/invite_repository.h"
#include "shared/dto/auth.h"

namespace corkboard {

class Clock;
class Database;

//! Admin-issued, single-use, expiring invite codes.
class InviteService
{
public:
    static constexpr qint64 kLifetimeDays = 7;

    InviteService(Database &db, Clock &clock);
    //! The new invite with its code (shown once; only its hash is kept).
    Invite create(const QString &adminId, const QString &role);
    QList<Invite> list();
    void remove(const QString &code);

private:
    Database &m_db;
    Clock &m_clock;
    InviteRepository m_invites;
};

} // namespace corkboard
