#pragma once

#include <QString>
#include <QStringList>

namespace corkboard {
class Database;
}

namespace corkboard::bench {

//! The board shape every board benchmark uses (and compare.sh hands to both builds): 8 columns,
//! 10 labels, the owner plus up to 9 members; every 2nd card has a label (every 6th two), every
//! 3rd an assignee, every 7th a due date, every 4th two checklist items (one done), every 5th a
//! comment.
struct SeededBoard
{
    QString id;
    QString firstColumnId;
};

//! Seeds one board through the services on `db` (one transaction).
SeededBoard seedBoard(
    Database &db, const QString &ownerId, const QStringList &memberIds, int cardCount);

} // namespace corkboard::bench
