#pragma once

#include "shared/dto/card.h"

#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for cards, their label/assignee links and their position keys. Reads return cards with
//! label ids, assignee ids, checklist progress and comment count in one statement.
class CardRepository
{
public:
    explicit CardRepository(Database &db)
        : m_db(db)
    {
    }

    std::optional<Card> find(const QString &id);
    QList<Card> listForColumn(const QString &columnId);
    void insert(const Card &card);
    //! Writes the scalar fields (column, position, title, description, due, archived, version).
    void update(const Card &card);
    void remove(const QString &id);
    void setLabels(const QString &cardId, const QStringList &labelIds);
    void setAssignees(const QString &cardId, const QStringList &userIds);
    //! Links a new card (which has none yet) to labels / assignees.
    void addLabels(const QString &cardId, const QStringList &labelIds);
    void addAssignees(const QString &cardId, const QStringList &userIds);

    //! How many of `ids` are labels of this board / members of this board.
    int countBoardLabels(const QString &boardId, const QStringList &ids);
    int countBoardMembers(const QString &boardId, const QStringList &ids);

    //! Neighbouring keys in a column, ignoring the card `exceptId` (the one being placed).
    QString nextKey(const QString &columnId, const QString &position, const QString &exceptId);
    QString previousKey(const QString &columnId, const QString &position, const QString &exceptId);
    QString lastKey(const QString &columnId, const QString &exceptId);
    //! Ids of the cards in a column ordered by position, without `exceptId`.
    QStringList orderedIds(const QString &columnId, const QString &exceptId);
    //! Gives every card of a column a temporary unique key (before rewriting all keys).
    void parkPositions(const QString &columnId);
    void setPosition(const QString &cardId, const QString &position);

private:
    QList<Card> readAll(const QString &where, const QVariantList &binds);
    Database &m_db;
};

} // namespace corkboard
