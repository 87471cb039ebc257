#pragma once

#include <mutex>

#include <QByteArray>
#include <QString>

namespace corkboard {

//! Argon2id through libsodium's crypto_pwhash_str at the configured cost. Thread-safe (no
//! mutable state after construction).
class PasswordHasher
{
public:
    PasswordHasher(quint64 opsLimit, quint64 memLimit);

    //! An encoded Argon2id hash ($argon2id$v=19$m=…); throws AppError(Internal) when out of memory.
    QString hash(const QString &password) const;
    //! Constant-time check of a password against an encoded hash.
    bool verify(const QString &encodedHash, const QString &password) const;
    //! True when the hash was made with another cost than the configured one.
    bool needsRehash(const QString &encodedHash) const;
    //! Spends the time of one verification against a throwaway hash (unknown e-mail at sign-in), so
    //! both answers take comparable time.
    void verifyDummy(const QString &password) const;

private:
    quint64 m_opsLimit;
    size_t m_memLimit;
    mutable std::once_flag m_dummyOnce;
    mutable QByteArray m_dummyHash;
};

} // namespace corkboard
