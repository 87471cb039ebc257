#pragma once

#include "server/features/auth/account_deps.h"
#include "server/features/auth/invite_repository.h"
#include "server/features/auth/jwt_codec.h"
#include "server/features/auth/refresh_token_repository.h"
#include "server/features/auth/revocation_repository.h"
#include "server/features/users/user_repository.h"
#include "shared/dto/auth.h"

#include <QString>
#include <optional>

namespace corkboard {

//! Who is asking, as far as rate limits and device labels care.
struct ClientInfo
{
    QString address;
    QString userAgent;
    //! What per-address throttles count by (an IPv6 client by its /64); the address when empty.
    QString rateKey;
    QString throttleKey() const { return rateKey.isEmpty() ? address : rateKey; }
};

struct RegisterInput
{
    QString email;
    QString password;
    QString displayName;
    std::optional<QString> inviteCode;
    //! The one-time code a server reachable beyond loopback prints at its first start.
    std::optional<QString> setupCode;
};

//! Registration, sign-in, refresh-token rotation, sign-out and sessions.
class AuthService
{
public:
    static constexpr qint64 kRefreshLifetimeDays = 30;

    explicit AuthService(const AccountDeps &deps);

    AuthResult registerAccount(const RegisterInput &input, const ClientInfo &client);
    AuthResult login(const QString &email, const QString &password, const ClientInfo &client);
    //! Rotates: the presented token is spent, a new one of the same family is returned. A spent
    //! token presented again revokes the whole family.
    Tokens refresh(const QString &refreshToken, const ClientInfo &client);
    //! Revokes the presented refresh token when it belongs to the user; silent otherwise.
    void logout(const QString &userId, const QString &refreshToken);
    QList<Session> sessions(const QString &userId, const QString &currentSessionId);
    void revokeSession(const QString &userId, const QString &sessionId);

    //! SHA-256 (hex) of a refresh token or invite code: the only form the database keeps.
    static QString hashSecret(const QString &secret);
    //! The account key rate limits use: a hash, so logs never carry the e-mail either.
    static QString accountKey(const QString &normalizedEmail);

private:
    struct Issued
    {
        QString refreshToken;
        QString familyId;
    };
    Issued issueRefreshToken(const QString &userId, const QString &familyId,
        const QString &parentId, const ClientInfo &client);
    Tokens tokens(const QString &userId, const QString &role, const Issued &issued) const;
    //! Counts one attempt against every key (atomically) and the account's key (PostgreSQL: in
    //! the database, shared by every instance); throws RATE_LIMITED past the limit.
    void countAttempt(const QStringList &keys, const QString &what, const ClientInfo &client,
        const QString &accountKey = QString());

    AccountDeps m_deps;
    Database &m_db;
    UserRepository m_users;
    RefreshTokenRepository m_tokens;
    InviteRepository m_invites;
    RevocationRepository m_revocations;
    JwtCodec m_jwt;
};

} // namespace corkboard
