#pragma once

#include "shared/dto/auth.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for invites; codes are kept as SHA-256 (hex) plus a short prefix to tell them apart.
class InviteRepository
{
public:
    explicit InviteRepository(Database &db);

    void insert(const QString &codeHash, const Invite &invite);
    //! The role of an unused, unexpired invite.
    std::optional<QString> usableRole(const QString &codeHash, const QDateTime &now);
    //! Marks it used by the user; false when it was used or expired meanwhile.
    bool consume(const QString &codeHash, const QString &userId, const QDateTime &now);
    bool remove(const QString &codeHash);
    //! Newest first.
    QList<Invite> list(int limit);

private:
    Database &m_db;
};

} // namespace corkboard
