#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace corkboard {

class Database;

//! One row of the events outbox as the worker reads it.
struct OutboxEvent
{
    qint64 seq = 0;
    QString type;
    QString boardId;
    QString actorId;
    QString at;
    QByteArray dataJson;
    QJsonObject data;
};

//! Walks the events outbox in seq order and hands each event to the consumers (notification
//! derivation, webhook fan-out) inside one transaction that also advances the stored cursor:
//! an event's consequences are written exactly once, also with two workers (BEGIN IMMEDIATE
//! serialises them; PostgreSQL: an advisory lock) and across crashes (nothing commits without
//! the cursor moving). PostgreSQL: never past a seq that may still commit (see kGapGraceMs).
class OutboxRelay
{
public:
    using Consumer = std::function<void(const OutboxEvent &event)>;

    explicit OutboxRelay(Database &db, QString cursorName = QStringLiteral("outbox"));
    void addConsumer(Consumer consumer) { m_consumers.append(std::move(consumer)); }
    //! Relays up to `limit` events; returns how many.
    int relay(int limit = 200);

    //! PostgreSQL: how long a gap in the seqs is waited for before it counts as a rolled-back
    //! write and the relay moves past it.
    static constexpr int kGapGraceMs = 3000;

private:
    void keepCommittedPrefix(qint64 after, QList<OutboxEvent> &events);

    Database &m_db;
    QString m_cursorName;
    QList<Consumer> m_consumers;
    bool m_checkedTable = false;
    bool m_hasEvents = false;
    qint64 m_gapAt = -1; //!< the seq missing at the open gap
    QElapsedTimer m_gapOpen;
};

} // namespace corkboard
