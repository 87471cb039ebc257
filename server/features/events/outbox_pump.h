#pragma once

#include "server/platform/commit_cursor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace corkboard {

class Database;
struct Config;

//! Tells this process's live hubs about events other writers committed to the outbox
//! (`committed(boardId, seq)`); the hubs then read what their subscribers have not had yet.
//! SQLite: the worker process's events (a thumbnail made: `attachment.updated`) never pass this
//! process's EventBus, so this polls the outbox every interval. PostgreSQL: every instance and
//! worker writes there, and each writing transaction NOTIFYs `corkboard_events` with
//! "<board id> <seq>" (delivered on commit, in commit order); listen() subscribes on a connection
//! of its own and tells each one at once, and a slow poll stays as the fallback (a dropped
//! listening connection, a missed notification). Events told twice are no-ops for the hubs.
class OutboxPump : public QObject
{
    Q_OBJECT
public:
    using Committed = std::function<void(const QString &boardId, qint64 seq)>;
    static constexpr int kListeningPollMs = 2000;
    static const QString &channel();

    OutboxPump(Database &db, Committed committed, int intervalMs = 500, QObject *parent = nullptr);
    ~OutboxPump() override;
    //! PostgreSQL: LISTENs on a connection of its own and slows the poll to kListeningPollMs;
    //! throws AppError(Unavailable) when the connection cannot be opened.
    void listen(const Config &config);
    //! Tells whatever arrived since the last call (also called by the timer).
    void poll();
    //! Whether the listening connection is subscribed now.
    bool listening() const;
    //! How many outbox notifications arrived (the LISTEN path, as opposed to the poll).
    int notificationsHeard() const { return m_heard; }

private:
    void subscribe();
    void onNotification(const QString &name, const QVariant &payload);

    Database &m_db;
    Committed m_committed;
    QTimer m_timer;
    CommitCursor m_cursor;
    QElapsedTimer m_uptime;
    bool m_started = false;
    int m_heard = 0;
    std::unique_ptr<Database> m_listenDb;
};

} // namespace corkboard
