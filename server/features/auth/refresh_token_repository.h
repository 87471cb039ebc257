#pragma once

#include "shared/dto/auth.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace corkboard {

class Database;

//! A refresh_tokens row. The token itself is never stored, only its SHA-256 (hex).
struct RefreshTokenRecord
{
    QString id;
    QString userId;
    QString familyId;
    QString parentId;
    QString tokenHash;
    QString deviceLabel;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime lastUsedAt;
    QDateTime spentAt;
    QDateTime revokedAt;
};

//! SQL for refresh tokens and the sessions (token families) they make up.
class RefreshTokenRepository
{
public:
    explicit RefreshTokenRepository(Database &db);

    void insert(const RefreshTokenRecord &record);
    std::optional<RefreshTokenRecord> findByHash(const QString &tokenHash);
    //! Marks a live token spent (rotated); false when it was already spent or revoked (a race
    //! lost).
    bool markSpent(const QString &id, const QDateTime &now);
    //! Revokes every live token of the family; returns how many.
    int revokeFamily(const QString &familyId, const QDateTime &now, const QString &reason);
    //! The same, only when the family belongs to the user (DELETE /auth/sessions/{id}).
    int revokeFamilyOfUser(const QString &familyId, const QString &userId, const QDateTime &now,
        const QString &reason);
    //! Families (sessions) of the user with a token not yet revoked, except one (may be empty).
    QStringList unrevokedFamilies(const QString &userId, const QString &exceptFamilyId);
    //! Revokes every live token of the user except those of one family (may be empty).
    int revokeAllOfUser(const QString &userId, const QString &exceptFamilyId, const QDateTime &now,
        const QString &reason);
    //! The user's signed-in devices: one row per family with a live token, newest first.
    QList<Session> sessions(const QString &userId, const QDateTime &now);

private:
    Database &m_db;
};

} // namespace corkboard
