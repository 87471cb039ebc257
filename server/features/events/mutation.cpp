#include "server/features/events/mutation.h"

#include "server/features/activity/activity_repository.h"
#include "server/features/events/event_bus.h"
#include "server/features/events/outbox_repository.h"
#include "server/platform/clock.h"
#include "shared/json_writer.h"

namespace corkboard {

Mutation::Mutation(const ServiceDeps &deps, QString actorId)
    : m_db(deps.db)
    , m_bus(deps.bus)
    , m_tx(deps.db)
    , m_actorId(std::move(actorId))
    , m_now(deps.clock.now().toUTC())
{
}

void Mutation::record(const QString &type, const QString &boardId, const QString &entityId,
    const QString &summary, const QByteArray &data, const ActivityNote &note)
{
    EventEnvelope e;
    e.type = type;
    e.boardId = boardId;
    e.actorId = m_actorId;
    e.at = m_now;
    e.data = data;
    OutboxRepository(m_db).append(e);
    if (type != QLatin1String("board.deleted")) {
        ActivityRepository::NewEntry entry;
        entry.boardId = boardId;
        entry.actorId = m_actorId;
        entry.action = type;
        entry.entityId = entityId;
        entry.summary = summary;
        entry.seq = e.seq;
        entry.at = m_now;
        entry.cardId = note.cardId;
        if (entry.cardId.isEmpty() && type.startsWith(QLatin1String("card.")))
            entry.cardId = entityId;
        entry.detailsJson = note.detailsJson;
        ActivityRepository(m_db).insert(entry);
    }
    m_events.append(e);
}

void Mutation::commit()
{
    m_tx.commit();
    // On the write lane the batch commits later: the events go out once it has.
    m_db.afterCommit([bus = &m_bus, events = m_events] { bus->publish(events); });
}

QByteArray Mutation::idData(const QString &id)
{
    JsonWriter w(64);
    w.beginObject().field("id", id).endObject();
    return w.take();
}

} // namespace corkboard
