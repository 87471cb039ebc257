#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace corkboard {

class Clock;
class JwtKeyStore;

//! The claims of an access token.
struct AccessClaims
{
    QString sub; //!< user id
    QString role; //!< admin | member (as signed; the authenticator re-checks the current role)
    QString jti;
    QString sid; //!< the refresh-token family (the session) the token was issued for
    qint64 iat = 0;
    qint64 exp = 0;
};

//! HS256 JWTs: the compact framing (base64url, header and claims JSON) is ours; the MAC is
//! libsodium's HMAC-SHA256 and the comparison constant-time. Verification pins alg=HS256.
//! One instance per server thread (not thread-safe): it remembers the tokens it has verified, so
//! a token seen again skips the MAC and JSON work and only has its times and key re-checked.
class JwtCodec
{
public:
    static constexpr qint64 kLifetimeSeconds = 15 * 60;
    static constexpr qint64 kLeewaySeconds = 30;
    static constexpr qsizetype kMaxTokenBytes = 4096;

    JwtCodec(JwtKeyStore &keys, const Clock &clock);

    //! A fresh access token for the user, valid kLifetimeSeconds from now.
    QString issue(const QString &userId, const QString &role, const QString &sessionId) const;
    //! Verifies signature, algorithm and times; throws AppError UNAUTHENTICATED (or TOKEN_EXPIRED).
    AccessClaims verify(const QByteArray &token) const;

    //! The bare framing, for tests that build tokens by hand.
    static QByteArray sign(
        const QByteArray &headerJson, const QByteArray &claimsJson, const QByteArray &secret);

    static constexpr qsizetype kVerifiedCacheSize = 2048;

private:
    struct Verified
    {
        AccessClaims claims;
        QString kid;
    };
    void checkTimes(const AccessClaims &claims) const;

    JwtKeyStore &m_keys;
    const Clock &m_clock;
    mutable QHash<QByteArray, Verified> m_verified; // full token → what it verified to
};

} // namespace corkboard
