#pragma once

#include "server/platform/commit_cursor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace corkboard {

struct Config;
class Clock;
class Database;
class RevocationList;
class RevocationRepository;

//! Keeps a process's RevocationList in step with the revocations table: loads every unexpired
//! row at start, then reads new rows by id every `intervalMs` on its own connection, so a
//! revocation written by another instance (or missed in-process) applies within that interval
//! (PostgreSQL: ids that commit out of order too, see CommitCursor).
//! Prunes expired rows now and then. Lives on the thread that created it.
class RevocationFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 250;

    RevocationFeed(const Config &config, const Clock &clock, RevocationList &list,
        int intervalMs = kDefaultIntervalMs, QObject *parent = nullptr);
    ~RevocationFeed() override;

    //! Loads what is in the table now (throws when the database cannot be read), then polls.
    void start();
    //! One read of new rows; returns how many were new.
    int poll();

private:
    const Config &m_config;
    const Clock &m_clock;
    RevocationList &m_list;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RevocationRepository> m_repository;
    QTimer m_timer;
    CommitCursor m_cursor;
    QElapsedTimer m_uptime;
    int m_polls = 0;
};

} // namespace corkboard
