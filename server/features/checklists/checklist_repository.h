#pragma once

#include "shared/dto/card.h"

#include <QHash>
#include <QList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for checklist items.
class ChecklistRepository
{
public:
    explicit ChecklistRepository(Database &db)
        : m_db(db)
    {
    }

    QList<ChecklistItem> listForCard(const QString &cardId);
    //! Items of every card in a column, by card id (one statement).
    QHash<QString, QList<ChecklistItem>> listForColumn(const QString &columnId);
    std::optional<ChecklistItem> find(const QString &id);
    QString lastPosition(const QString &cardId);
    int countForCard(const QString &cardId);
    void insert(const ChecklistItem &item);
    //! Text, done, version, updated_at and position.
    void update(const ChecklistItem &item);
    //! Gives every item of the card a temporary unique position (before respacing them).
    void parkPositions(const QString &cardId);
    void setPosition(const QString &id, const QString &position);
    void remove(const QString &id);

private:
    QList<ChecklistItem> read(const QString &where, const QString &bind);
    Database &m_db;
};

} // namespace corkboard
