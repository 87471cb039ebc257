#pragma once

#include "shared/dto/activity.h"

#include <QList>

namespace corkboard {

class Database;

//! Reads a board's activity feed for a member.
class ActivityService
{
public:
    explicit ActivityService(Database &db)
        : m_db(db)
    {
    }

    struct Page
    {
        QList<ActivityEntry> entries;
        QString nextCursor;
    };
    //! A board's feed, newest first; with a cardId only what happened to that card (a deleted
    //! card's history included).
    Page list(const QString &userId, const QString &boardId, const QString &cardId,
        const QString &cursor, int limit);

private:
    Database &m_db;
};

} // namespace corkboard
