#pragma once

#include "server/features/users/user_cache.h"
#include "shared/dto/user.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! A users row: the resource plus what never leaves the server.
struct UserRecord
{
    User user;
    QString passwordHash;
};

//! SQL for the users table.
class UserRepository
{
public:
    explicit UserRepository(Database &db);

    std::optional<UserRecord> findById(const QString &id);
    //! By the lower-cased e-mail.
    std::optional<UserRecord> findByEmail(const QString &normalizedEmail);
    std::optional<UserAuthState> authState(const QString &id);
    //! In a transaction, before count() decides the first account: only one registration at a
    //! time gets past this while it commits, across instances too.
    void lockFirstAccount();
    qint64 count();
    qint64 countActiveAdmins();
    //! Throws AppError(Conflict) when the e-mail is taken.
    void insert(const UserRecord &record, const QString &normalizedEmail);
    //! Replaces the hash without touching version (a rehash at a new cost is not a change).
    void replacePasswordHash(const QString &id, const QString &hash);
    //! Each of these bumps version and updated_at; false when the row is gone.
    bool updatePassword(const QString &id, const QString &hash, const QDateTime &now);
    bool updateDisplayName(const QString &id, const QString &name, const QDateTime &now);
    bool updateRoleAndDisabled(
        const QString &id, const QString &role, bool disabled, const QDateTime &now);
    //! Directory search over display name and e-mail, ordered by display name then id; `after`
    //! is the (display_name, id) of the last row of the previous page. `adminView`: with role
    //! and disabled; `includeDisabled`: disabled users too.
    QList<UserSummary> search(const QString &query, int limit, const QString &afterName,
        const QString &afterId, bool adminView = false, bool includeDisabled = false);

private:
    Database &m_db;
};

} // namespace corkboard
