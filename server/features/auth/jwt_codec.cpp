#include "server/features/auth/jwt_codec.h"

#include "server/features/auth/jwt_key_store.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "shared/json_number.h"
#include "shared/json_writer.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace corkboard {

namespace {
AppError invalid(const QString &why)
{
    return AppError(ErrorCode::Unauthenticated, why);
}

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

//! Strict base64url: only the URL alphabet, no padding.
bool decodePart(const QByteArray &part, QByteArray &out)
{
    if (part.isEmpty())
        return false;
    for (const char c : part) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    bool ok = false;
    out = crypto::fromBase64Url(part, &ok);
    return ok;
}

bool parseObject(const QByteArray &json, QJsonObject &out)
{
    QJsonParseError err {};
    const auto doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    out = doc.object();
    return true;
}

//! A NumericDate within ±2^53 seconds (range-checked before conversion, so `exp: 1e300` is an
//! invalid token rather than undefined behaviour, and exp + leeway cannot overflow).
bool numericDate(const QJsonValue &v, qint64 &out)
{
    const auto n = wholeNumber(v);
    if (!n)
        return false;
    out = *n;
    return true;
}
} // namespace

JwtCodec::JwtCodec(JwtKeyStore &keys, const Clock &clock)
    : m_keys(keys)
    , m_clock(clock)
{
}

QByteArray JwtCodec::sign(
    const QByteArray &headerJson, const QByteArray &claimsJson, const QByteArray &secret)
{
    const QByteArray signingInput = b64(headerJson) + '.' + b64(claimsJson);
    return signingInput + '.' + b64(crypto::hmacSha256(secret, signingInput));
}

QString JwtCodec::issue(const QString &userId, const QString &role, const QString &sessionId) const
{
    const auto key = m_keys.current();
    const qint64 now = m_clock.nowMs() / 1000;
    JsonWriter header(64);
    header.beginObject()
        .field("alg", "HS256")
        .field("typ", "JWT")
        .field("kid", key.kid)
        .endObject();
    JsonWriter claims(192);
    claims.beginObject();
    claims.field("sub", userId)
        .field("role", role)
        .field("iat", now)
        .field("exp", now + kLifetimeSeconds);
    claims.field("jti", QString::fromLatin1(crypto::randomBytes(12).toHex()));
    claims.field("sid", sessionId);
    claims.endObject();
    return QString::fromLatin1(sign(header.data(), claims.data(), key.secret));
}

void JwtCodec::checkTimes(const AccessClaims &c) const
{
    const qint64 now = m_clock.nowMs() / 1000;
    if (c.iat > now + kLeewaySeconds)
        throw invalid(QStringLiteral("the access token was issued in the future"));
    if (c.exp + kLeewaySeconds < now)
        throw AppError(
            ErrorCode::TokenExpired, QStringLiteral("the access token has expired; refresh it"));
}

AccessClaims JwtCodec::verify(const QByteArray &token) const
{
    if (token.isEmpty() || token.size() > kMaxTokenBytes)
        throw invalid(QStringLiteral("the access token is malformed"));
    // The same bytes verified before: only what can change since (time, a dropped key) is checked.
    const auto hit = m_verified.constFind(token);
    if (hit != m_verified.constEnd()) {
        if (!m_keys.secretFor(hit->kid))
            throw invalid(QStringLiteral("the access token was signed with an unknown key"));
        checkTimes(hit->claims);
        return hit->claims;
    }
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        throw invalid(QStringLiteral("the access token is malformed"));
    QByteArray headerJson, claimsJson, signature;
    if (!decodePart(parts[0], headerJson) || !decodePart(parts[1], claimsJson)
        || !decodePart(parts[2], signature))
        throw invalid(QStringLiteral("the access token is malformed"));
    QJsonObject header;
    if (!parseObject(headerJson, header))
        throw invalid(QStringLiteral("the access token is malformed"));
    // The algorithm is pinned: "none", RS256, HS512 … are refused before any key is looked at.
    if (header.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        throw invalid(
            QStringLiteral("the access token uses an algorithm this server does not accept"));
    const auto typ = header.value(QLatin1String("typ"));
    if (!typ.isUndefined() && typ.toString() != QLatin1String("JWT"))
        throw invalid(QStringLiteral("the access token is malformed"));
    const auto kid = header.value(QLatin1String("kid"));
    if (!kid.isString())
        throw invalid(QStringLiteral("the access token names no signing key"));
    const auto secret = m_keys.secretFor(kid.toString());
    if (!secret)
        throw invalid(QStringLiteral("the access token was signed with an unknown key"));
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    if (!crypto::constantTimeEquals(crypto::hmacSha256(*secret, signingInput), signature))
        throw invalid(QStringLiteral("the access token signature is invalid"));

    QJsonObject claims;
    if (!parseObject(claimsJson, claims))
        throw invalid(QStringLiteral("the access token is malformed"));
    AccessClaims c;
    const auto sub = claims.value(QLatin1String("sub"));
    const auto role = claims.value(QLatin1String("role"));
    const auto jti = claims.value(QLatin1String("jti"));
    if (!sub.isString() || sub.toString().isEmpty() || !role.isString() || !jti.isString()
        || !numericDate(claims.value(QLatin1String("iat")), c.iat)
        || !numericDate(claims.value(QLatin1String("exp")), c.exp))
        throw invalid(QStringLiteral("the access token is malformed"));
    c.sub = sub.toString();
    c.role = role.toString();
    c.jti = jti.toString();
    c.sid = claims.value(QLatin1String("sid")).toString();
    checkTimes(c);
    if (m_verified.size() >= kVerifiedCacheSize)
        m_verified.clear();
    m_verified.insert(token, Verified {c, kid.toString()});
    return c;
}

} // namespace corkboard
