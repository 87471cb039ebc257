#pragma once

#include "shared/dto/activity.h"

#include <QList>

namespace corkboard {

class Database;

//! The `activity` table: one entry per mutation, read newest first.
class ActivityRepository
{
public:
    explicit ActivityRepository(Database &db)
        : m_db(db)
    {
    }

    void insert(const QString &boardId, const QString &actorId, const QString &action,
        const QString &entityId, const QString &summary, qint64 seq, const QDateTime &at);
    //! Entries with id < beforeId (0: from the newest), newest first.
    QList<ActivityEntry> list(const QString &boardId, qint64 beforeId, int limit);

private:
    Database &m_db;
};

} // namespace corkboard
