#include "server/features/users/user_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
const QString kColumns = QStringLiteral(
    "id, email, display_name, role, disabled, version, created_at, updated_at, password_hash");

UserRecord readRecord(SqlQuery &q)
{
    UserRecord r;
    r.user.id = q.value(0).toString();
    r.user.email = q.value(1).toString();
    r.user.displayName = q.value(2).toString();
    r.user.role = q.value(3).toString();
    r.user.disabled = q.value(4).toInt() != 0;
    r.user.version = q.value(5).toLongLong();
    r.user.createdAt = fromRfc3339(q.value(6).toString());
    r.user.updatedAt = fromRfc3339(q.value(7).toString());
    r.passwordHash = q.value(8).toString();
    return r;
}
} // namespace

UserRepository::UserRepository(Database &db)
    : m_db(db)
{
}

std::optional<UserRecord> UserRepository::findById(const QString &id)
{
    SqlQuery q(
        m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users WHERE id = ?"));
    q.bind(0, id).exec();
    if (!q.next())
        return std::nullopt;
    return readRecord(q);
}

std::optional<UserRecord> UserRepository::findByEmail(const QString &normalizedEmail)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM users WHERE email_normalized = ?"));
    q.bind(0, normalizedEmail).exec();
    if (!q.next())
        return std::nullopt;
    return readRecord(q);
}

std::optional<UserAuthState> UserRepository::authState(const QString &id)
{
    SqlQuery q(m_db, QStringLiteral("SELECT role, disabled FROM users WHERE id = ?"));
    q.bind(0, id).exec();
    if (!q.next())
        return std::nullopt;
    return UserAuthState {q.value(0).toString(), q.value(1).toInt() != 0};
}

void UserRepository::lockFirstAccount()
{
    // SQLite: BEGIN IMMEDIATE already lets one writer at a time in. PostgreSQL (several
    // instances, read committed): two registrations would both count no user and both become
    // admin; this transaction-scoped lock makes the second wait and count again.
    if (!m_db.isPostgres())
        return;
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT pg_advisory_xact_lock(hashtextextended('corkboard.first-account', 0))"));
    q.exec();
}

qint64 UserRepository::count()
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM users"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 UserRepository::countActiveAdmins()
{
    SqlQuery q(
        m_db, QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

void UserRepository::insert(const UserRecord &record, const QString &normalizedEmail)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO users (id, email, email_normalized, display_name, password_hash, "
            "role, disabled, version, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto &u = record.user;
    q.bind(0, u.id)
        .bind(1, u.email)
        .bind(2, normalizedEmail)
        .bind(3, u.displayName)
        .bind(4, record.passwordHash);
    q.bind(5, u.role)
        .bind(6, u.disabled ? 1 : 0)
        .bind(7, u.version)
        .bind(8, toRfc3339(u.createdAt));
    q.bind(9, toRfc3339(u.updatedAt)).exec();
}

void UserRepository::replacePasswordHash(const QString &id, const QString &hash)
{
    SqlQuery q(m_db, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
    q.bind(0, hash).bind(1, id).exec();
}

bool UserRepository::updatePassword(const QString &id, const QString &hash, const QDateTime &now)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE users SET password_hash = ?, version = version + 1, updated_at = ? "
                       "WHERE id = ?"));
    q.bind(0, hash).bind(1, toRfc3339(now)).bind(2, id).exec();
    return q.numRowsAffected() > 0;
}

bool UserRepository::updateDisplayName(const QString &id, const QString &name, const QDateTime &now)
{
    SqlQuery q(m_db,
        QStringLiteral("UPDATE users SET display_name = ?, version = version + 1, updated_at = ? "
                       "WHERE id = ?"));
    q.bind(0, name).bind(1, toRfc3339(now)).bind(2, id).exec();
    return q.numRowsAffected() > 0;
}

bool UserRepository::updateRoleAndDisabled(
    const QString &id, const QString &role, bool disabled, const QDateTime &now)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "UPDATE users SET role = ?, disabled = ?, version = version + 1, updated_at = ? "
            "WHERE id = ?"));
    q.bind(0, role).bind(1, disabled ? 1 : 0).bind(2, toRfc3339(now)).bind(3, id).exec();
    return q.numRowsAffected() > 0;
}

QList<UserSummary> UserRepository::search(const QString &query, int limit, const QString &afterName,
    const QString &afterId, bool adminView, bool includeDisabled)
{
    QString escaped = query;
    // '!' escapes LIKE wildcards ('\\' would confuse Qt's placeholder scanner inside quotes).
    escaped.replace(QLatin1Char('!'), QLatin1String("!!"))
        .replace(QLatin1Char('%'), QLatin1String("!%"))
        .replace(QLatin1Char('_'), QLatin1String("!_"));
    const QString pattern = QLatin1Char('%') + escaped + QLatin1Char('%');
    SqlQuery q(m_db,
        QStringLiteral("SELECT id, display_name, email, role, disabled FROM users "
                       "WHERE (? = 1 OR disabled = 0) "
                       "AND (display_name LIKE ? ESCAPE '!' OR email LIKE ? ESCAPE '!') "
                       "AND (? = 0 OR display_name > ? OR (display_name = ? AND id > ?)) "
                       "ORDER BY display_name, id LIMIT ?"));
    q.bind(0, includeDisabled ? 1 : 0)
        .bind(1, pattern)
        .bind(2, pattern)
        .bind(3, afterId.isEmpty() ? 0 : 1)
        .bind(4, afterName)
        .bind(5, afterName)
        .bind(6, afterId);
    q.bind(7, limit).exec();
    QList<UserSummary> out;
    while (q.next()) {
        UserSummary u {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            std::nullopt, std::nullopt};
        if (adminView) {
            u.role = q.value(3).toString();
            u.disabled = q.value(4).toInt() != 0;
        }
        out.append(u);
    }
    return out;
}

} // namespace corkboard
