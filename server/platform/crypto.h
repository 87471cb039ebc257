#pragma once

#include <QByteArray>
#include <QString>

namespace corkboard::crypto {

//! Must be called once before any other function here (idempotent, thread-safe).
void initialize();
//! Cryptographically secure random bytes (libsodium).
QByteArray randomBytes(int count);
//! URL-safe base64 without padding.
QString base64Url(const QByteArray &bytes);
QByteArray fromBase64Url(const QByteArray &text, bool *ok = nullptr);
//! A new UUIDv7 (time-ordered), lower-case with dashes.
QString newId();
//! HMAC-SHA256 (libsodium).
QByteArray hmacSha256(const QByteArray &key, const QByteArray &message);
//! SHA-256 (libsodium).
QByteArray sha256(const QByteArray &data);
//! Constant-time equality of two byte strings (length is not secret).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace corkboard::crypto
