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

    struct NewEntry
    {
        QString boardId;
        QString actorId;
        QString action;
        QString entityId;
        QString summary;
        qint64 seq = 0;
        QDateTime at;
        QString cardId; //!< empty: not about one card
        QByteArray detailsJson; //!< a JSON object; empty: {}
    };
    void insert(const NewEntry &entry);
    //! Entries with id < beforeId (0: from the newest), newest first; with a cardId only the
    //! entries about that card.
    QList<ActivityEntry> list(
        const QString &boardId, const QString &cardId, qint64 beforeId, int limit);

private:
    Database &m_db;
};

} // namespace corkboard
