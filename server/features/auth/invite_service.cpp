#include "server/features/auth/invite_service.h"

#include "server/features/auth/auth_service.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

namespace corkboard {

InviteService::InviteService(Database &db, Clock &clock)
    : m_db(db)
    , m_clock(clock)
    , m_invites(db)
{
}

Invite InviteService::create(const QString &adminId, const QString &role)
{
    const QDateTime now = m_clock.now();
    Invite invite;
    invite.code = crypto::base64Url(crypto::randomBytes(18));
    invite.codePrefix = invite.code.left(6);
    invite.role = role;
    invite.createdBy = adminId;
    invite.createdAt = now;
    invite.expiresAt = now.addDays(kLifetimeDays);
    Transaction tx(m_db);
    m_invites.insert(AuthService::hashSecret(invite.code), invite);
    tx.commit();
    logging::write(lcAuth(), QtInfoMsg, QStringLiteral("invite created"),
        {{QStringLiteral("by"), adminId}, {QStringLiteral("role"), role},
            {QStringLiteral("code_prefix"), invite.codePrefix}});
    return invite;
}

QList<Invite> InviteService::list()
{
    return m_invites.list(200);
}

void InviteService::remove(const QString &code)
{
    Transaction tx(m_db);
    if (!m_invites.remove(AuthService::hashSecret(code)))
        throw AppError::notFound(QStringLiteral("invite"));
    tx.commit();
}

} // namespace corkboard
