#include "server/features/auth/auth_service.h"

#include "server/features/auth/jwt_key_store.h"
#include "server/features/auth/login_throttle_repository.h"
#include "server/features/auth/password_hasher.h"
#include "server/features/auth/revocation_list.h"
#include "server/features/auth/setup_gate.h"
#include "server/features/users/user_cache.h"
#include "server/http/rate_limiter.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

namespace corkboard {

namespace {
QString deviceLabel(const QString &userAgent)
{
    QString label;
    for (const QChar c : userAgent.left(200)) {
        if (c.isPrint())
            label.append(c);
    }
    label = label.trimmed();
    return label.isEmpty() ? QStringLiteral("unknown device") : label;
}

AppError invalidCredentials()
{
    return AppError(
        ErrorCode::InvalidCredentials, QStringLiteral("the e-mail or password is wrong"));
}

AppError refreshRefused(const QString &why)
{
    return AppError(ErrorCode::Unauthenticated, why);
}

//! A refresh token is 32 random bytes in unpadded base64url: exactly 43 characters.
bool plausibleRefreshToken(const QString &token)
{
    if (token.size() != 43)
        return false;
    for (const QChar c : token) {
        const char l = c.toLatin1();
        if (!((l >= 'A' && l <= 'Z') || (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '-'
                || l == '_'))
            return false;
    }
    return true;
}
} // namespace

AuthService::AuthService(const AccountDeps &deps)
    : m_deps(deps)
    , m_db(deps.db)
    , m_users(deps.db)
    , m_tokens(deps.db)
    , m_invites(deps.db)
    , m_revocations(deps.db)
    , m_jwt(deps.jwtKeys, deps.clock)
{
}

QString AuthService::hashSecret(const QString &secret)
{
    return QString::fromLatin1(crypto::sha256(secret.toUtf8()).toHex());
}

QString AuthService::accountKey(const QString &normalizedEmail)
{
    return QString::fromLatin1(crypto::sha256(normalizedEmail.toUtf8()).toHex().left(16));
}

void AuthService::countAttempt(const QStringList &keys, const QString &what,
    const ClientInfo &client, const QString &accountKey)
{
    // Counted before any password is hashed: N parallel attempts on any number of server
    // threads get exactly the limit through, never "everyone checked, then everyone hashed".
    // PostgreSQL (several instances): the account's bucket is in the database, shared by all;
    // the per-address ones stay per instance.
    const bool shared = !accountKey.isEmpty() && m_db.isPostgres();
    QStringList local = keys;
    if (!accountKey.isEmpty() && !shared)
        local.append(accountKey);
    auto decision = m_deps.authLimiter.takeAll(local);
    if (decision.allowed && shared) {
        const double perMinute = m_deps.config.authRateLimitPerMinute;
        const auto account = LoginThrottleRepository(m_db).take(
            accountKey, m_deps.clock.nowMs(), perMinute / 60.0, perMinute);
        if (!account.allowed) {
            for (const QString &key : keys)
                m_deps.authLimiter.giveBack(key);
            decision.allowed = false;
            decision.retryAfterSeconds = account.retryAfterSeconds;
        }
    }
    if (decision.allowed)
        return;
    QStringList all = keys;
    if (!accountKey.isEmpty())
        all.append(accountKey);
    logging::write(lcSecurity(), QtWarningMsg, QStringLiteral("auth rate limit reached"),
        {{QStringLiteral("action"), what}, {QStringLiteral("key"), all.join(QLatin1Char(' '))},
            {QStringLiteral("peer"), client.address},
            {QStringLiteral("retry_after"), decision.retryAfterSeconds}});
    throw AppError(ErrorCode::RateLimited, QStringLiteral("too many attempts, try again later"))
        .withRetryAfter(std::max(1, decision.retryAfterSeconds));
}

AuthService::Issued AuthService::issueRefreshToken(const QString &userId, const QString &familyId,
    const QString &parentId, const ClientInfo &client)
{
    const QDateTime now = m_deps.clock.now();
    Issued issued;
    issued.refreshToken = crypto::base64Url(crypto::randomBytes(32));
    issued.familyId = familyId.isEmpty() ? crypto::newId() : familyId;
    RefreshTokenRecord r;
    r.id = crypto::newId();
    r.userId = userId;
    r.familyId = issued.familyId;
    r.parentId = parentId;
    r.tokenHash = hashSecret(issued.refreshToken);
    r.deviceLabel = deviceLabel(client.userAgent);
    r.createdAt = now;
    r.expiresAt = now.addDays(kRefreshLifetimeDays);
    m_tokens.insert(r);
    return issued;
}

Tokens AuthService::tokens(const QString &userId, const QString &role, const Issued &issued) const
{
    Tokens t;
    t.accessToken = m_jwt.issue(userId, role, issued.familyId);
    t.expiresIn = JwtCodec::kLifetimeSeconds;
    t.refreshToken = issued.refreshToken;
    return t;
}

AuthResult AuthService::registerAccount(const RegisterInput &input, const ClientInfo &client)
{
    // Every registration attempt counts against the address, successful or not.
    countAttempt({QStringLiteral("register-ip:") + client.throttleKey()},
        QStringLiteral("register"), client);

    SetupGate &gate = m_deps.setupGate;
    gate.firstAccountPending(m_deps.db); // another instance may have created it meanwhile
    if (gate.codeRequired()) {
        if (!input.setupCode || input.setupCode->trimmed().isEmpty())
            throw AppError::validation(QStringLiteral("setup_code"), QStringLiteral("required"),
                QStringLiteral("the first account on this server needs the setup code printed on "
                               "the server's console when it started"));
        if (!gate.matches(*input.setupCode)) {
            logging::write(lcSecurity(), QtWarningMsg, QStringLiteral("wrong setup code"),
                {{QStringLiteral("peer"), client.address}});
            throw AppError::validation(QStringLiteral("setup_code"), QStringLiteral("invalid"),
                QStringLiteral("this is not the setup code the server printed at its start"));
        }
    }

    const QString normalized = input.email.toLower();
    const QString hash = m_deps.passwords.hash(input.password); // slow: outside the transaction
    const QDateTime now = m_deps.clock.now();

    Transaction tx(m_db);
    bool first = m_users.count() == 0;
    if (first) {
        m_users.lockFirstAccount();
        first = m_users.count() == 0;
    }
    QString role = first ? QStringLiteral("admin") : QStringLiteral("member");
    QString inviteHash;
    if (!first && input.inviteCode) {
        inviteHash = hashSecret(*input.inviteCode);
        const auto inviteRole = m_invites.usableRole(inviteHash, now);
        if (!inviteRole)
            throw AppError::validation(QStringLiteral("invite_code"), QStringLiteral("invalid"),
                QStringLiteral("this invite code is unknown, used or expired"));
        role = *inviteRole;
    } else if (!first && !m_deps.config.openRegistration) {
        throw AppError::validation(QStringLiteral("invite_code"), QStringLiteral("required"),
            QStringLiteral("this server needs an invite code to register"));
    }
    if (m_users.findByEmail(normalized))
        throw AppError(
            ErrorCode::Conflict, QStringLiteral("an account with this e-mail already exists"));

    UserRecord record;
    record.user.id = crypto::newId();
    record.user.email = input.email;
    record.user.displayName = input.displayName;
    record.user.role = role;
    record.user.createdAt = now;
    record.user.updatedAt = now;
    record.passwordHash = hash;
    m_users.insert(record, normalized);
    if (!inviteHash.isEmpty() && !m_invites.consume(inviteHash, record.user.id, now))
        throw AppError::validation(QStringLiteral("invite_code"), QStringLiteral("invalid"),
            QStringLiteral("this invite code is unknown, used or expired"));
    const Issued issued = issueRefreshToken(record.user.id, QString(), QString(), client);
    tx.commit();
    gate.firstAccountCreated(); // the setup code is spent (or another instance used it)

    logging::write(lcAuth(), QtInfoMsg, QStringLiteral("account registered"),
        {{QStringLiteral("user_id"), record.user.id}, {QStringLiteral("role"), role}});
    return AuthResult {record.user, tokens(record.user.id, role, issued)};
}

AuthResult AuthService::login(
    const QString &email, const QString &password, const ClientInfo &client)
{
    const QString normalized = email.toLower();
    const QString ipKey = QStringLiteral("login-ip:") + client.throttleKey();
    const QString accountKeyName = QStringLiteral("login-account:") + accountKey(normalized);
    countAttempt({ipKey}, QStringLiteral("login"), client, accountKeyName);

    const auto record = m_users.findByEmail(normalized);
    bool ok = false;
    if (record) {
        ok = m_deps.passwords.verify(record->passwordHash, password);
    } else {
        m_deps.passwords.verifyDummy(password); // the same time as a wrong password
    }
    if (!ok) {
        logging::write(lcSecurity(), QtInfoMsg, QStringLiteral("sign-in failed"),
            {{QStringLiteral("account"), accountKey(normalized)},
                {QStringLiteral("peer"), client.address}});
        throw invalidCredentials();
    }
    if (record->user.disabled)
        throw AppError(ErrorCode::Forbidden, QStringLiteral("this account is disabled"));

    // Only failures count: a successful sign-in clears the account and returns the address's token.
    if (m_db.isPostgres())
        LoginThrottleRepository(m_db).reset(accountKeyName);
    else
        m_deps.authLimiter.reset(accountKeyName);
    m_deps.authLimiter.giveBack(ipKey);
    Transaction tx(m_db);
    if (m_deps.passwords.needsRehash(record->passwordHash)) {
        m_users.replacePasswordHash(record->user.id, m_deps.passwords.hash(password));
        logging::write(lcAuth(), QtInfoMsg,
            QStringLiteral("password rehashed at the configured cost"),
            {{QStringLiteral("user_id"), record->user.id}});
    }
    const Issued issued = issueRefreshToken(record->user.id, QString(), QString(), client);
    tx.commit();
    return AuthResult {record->user, tokens(record->user.id, record->user.role, issued)};
}

Tokens AuthService::refresh(const QString &refreshToken, const ClientInfo &client)
{
    if (!plausibleRefreshToken(refreshToken))
        throw refreshRefused(QStringLiteral("the refresh token is not valid"));
    const QDateTime now = m_deps.clock.now();

    Transaction tx(m_db);
    const auto record = m_tokens.findByHash(hashSecret(refreshToken));
    if (!record)
        throw refreshRefused(QStringLiteral("the refresh token is not valid"));
    if (record->revokedAt.isValid())
        throw refreshRefused(QStringLiteral("the refresh token has been revoked"));
    auto revokeFamilyAndRefuse = [&](const QString &reason, const QString &detail) {
        const int n = m_tokens.revokeFamily(record->familyId, now, reason);
        const Revocation revoked = m_revocations.insert(Revocation::Kind::Session, record->familyId,
            record->userId, reason, now, revocationExpiry(now));
        tx.commit(); // the revocation must stand even though the request is refused
        m_deps.revocations.apply({revoked}); // its access tokens stop working now too
        logging::write(lcSecurity(), QtWarningMsg, QStringLiteral("refresh token family revoked"),
            {{QStringLiteral("reason"), reason}, {QStringLiteral("user_id"), record->userId},
                {QStringLiteral("family_id"), record->familyId},
                {QStringLiteral("tokens_revoked"), n}, {QStringLiteral("peer"), client.address}});
        return refreshRefused(detail);
    };
    if (record->spentAt.isValid())
        throw revokeFamilyAndRefuse(QStringLiteral("reuse"),
            QStringLiteral("this refresh token was already used; sign in again"));
    if (record->expiresAt <= now)
        throw refreshRefused(QStringLiteral("the refresh token has expired; sign in again"));
    const auto user = m_users.authState(record->userId);
    if (!user || user->disabled)
        throw revokeFamilyAndRefuse(
            QStringLiteral("account_disabled"), QStringLiteral("this account is disabled"));
    if (!m_tokens.markSpent(record->id, now))
        throw revokeFamilyAndRefuse(QStringLiteral("reuse"),
            QStringLiteral("this refresh token was already used; sign in again"));
    const Issued issued = issueRefreshToken(record->userId, record->familyId, record->id, client);
    tx.commit();
    return tokens(record->userId, user->role, issued);
}

void AuthService::logout(const QString &userId, const QString &refreshToken)
{
    if (!plausibleRefreshToken(refreshToken))
        return;
    const QDateTime now = m_deps.clock.now();
    Transaction tx(m_db);
    const auto record = m_tokens.findByHash(hashSecret(refreshToken));
    if (!record || record->userId != userId || record->revokedAt.isValid())
        return;
    // Signing out ends the session: the presented token and anything else live in its family,
    // and every access token and live connection issued for it.
    m_tokens.revokeFamilyOfUser(record->familyId, userId, now, QStringLiteral("logout"));
    const Revocation revoked = m_revocations.insert(Revocation::Kind::Session, record->familyId,
        userId, QStringLiteral("logout"), now, revocationExpiry(now));
    tx.commit();
    m_deps.revocations.apply({revoked});
}

QList<Session> AuthService::sessions(const QString &userId, const QString &currentSessionId)
{
    auto list = m_tokens.sessions(userId, m_deps.clock.now());
    for (auto &s : list)
        s.current = s.id == currentSessionId;
    return list;
}

void AuthService::revokeSession(const QString &userId, const QString &sessionId)
{
    const QDateTime now = m_deps.clock.now();
    Transaction tx(m_db);
    if (m_tokens.revokeFamilyOfUser(sessionId, userId, now, QStringLiteral("session_revoked")) == 0)
        throw AppError::notFound(QStringLiteral("session"));
    const Revocation revoked = m_revocations.insert(Revocation::Kind::Session, sessionId, userId,
        QStringLiteral("session_revoked"), now, revocationExpiry(now));
    tx.commit();
    m_deps.revocations.apply({revoked});
}

} // namespace corkboard
