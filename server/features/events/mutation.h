#pragma once

#include "server/platform/database.h"
#include "shared/dto/snapshot.h"

#include <QDateTime>
#include <QList>

namespace corkboard {

class Clock;
class EventBus;

//! What an activity entry records beyond the event: the card it is about (card events: the card
//! itself; comments, checklist items and attachments: their card) and details as a JSON object
//! (a move: `from_column_id`, `from_column`, `to_column_id`, `to_column`).
struct ActivityNote
{
    QString cardId;
    QByteArray detailsJson;
};

//! What a service needs to write a change: the thread's connection, the clock, the event bus.
struct ServiceDeps
{
    Database &db;
    const Clock &clock;
    EventBus &bus;
};

//! One mutation = one transaction that writes the change, its activity entry and its outbox
//! event; commit() commits, then hands the events to the bus. Destroyed without commit(), it
//! rolls everything back (no partial writes).
class Mutation
{
public:
    Mutation(const ServiceDeps &deps, QString actorId);

    const QDateTime &now() const { return m_now; }
    //! Writes the event (envelope data = the resource JSON, {id} for deletions) and, unless the
    //! board itself is being deleted, an activity entry. A `card.*` event's entry is about the
    //! card `entityId` unless the note names another.
    void record(const QString &type, const QString &boardId, const QString &entityId,
        const QString &summary, const QByteArray &data, const ActivityNote &note = {});
    void commit();
    const QList<EventEnvelope> &events() const { return m_events; }

    //! {"id": "<id>"} for deletion events.
    static QByteArray idData(const QString &id);

private:
    Database &m_db;
    EventBus &m_bus;
    Transaction m_tx;
    QString m_actorId;
    QDateTime m_now;
    QList<EventEnvelope> m_events;
};

} // namespace corkboard
