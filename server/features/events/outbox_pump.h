#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

namespace corkboard {

class Database;

//! In the server process: events the worker process writes to the outbox (a thumbnail made:
//! `attachment.updated`) never pass this process's EventBus, so this polls the outbox for seqs
//! it has not seen and tells the live hubs (`committed(boardId, seq)`), which send what their
//! subscribers have not had yet. Events this process wrote itself are told twice; the hubs'
//! cursors make that a no-op.
class OutboxPump : public QObject
{
    Q_OBJECT
public:
    using Committed = std::function<void(const QString &boardId, qint64 seq)>;

    OutboxPump(Database &db, Committed committed, int intervalMs = 500, QObject *parent = nullptr);
    //! Tells whatever arrived since the last call (also called by the timer).
    void poll();

private:
    Database &m_db;
    Committed m_committed;
    QTimer m_timer;
    qint64 m_lastSeq = -1;
};

} // namespace corkboard
