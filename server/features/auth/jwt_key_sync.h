#pragma once

#include <QObject>
#include <QTimer>
#include <memory>

namespace corkboard {

struct Config;
class Clock;
class Database;
class JwtKeyStore;

//! PostgreSQL: the JWT signing keys live in the database (server_meta "jwt_keys"), one set for
//! every instance. At start this creates the first key (or imports the data dir's key file) under
//! an advisory lock, so instances starting together agree on one; then it re-reads the keys every
//! kIntervalMs on its own connection, and rotates them when the automatic period has passed (one
//! instance does, the others read the result). Lives on the thread that created it.
class JwtKeySync : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 2000;

    JwtKeySync(
        const Config &config, const Clock &clock, JwtKeyStore &store, QObject *parent = nullptr);
    ~JwtKeySync() override;

    //! Loads (creating when there are none) and hands the keys to the store; throws when the
    //! database cannot be read.
    void start();
    //! One re-read (and rotation when due).
    void poll();

    //! `corkboard --rotate-jwt-key` on PostgreSQL: a new key (signing in kPropagationMs), the
    //! previous one retired; returns the new kid.
    static QString rotate(Database &db, const Clock &clock);

private:
    const Config &m_config;
    const Clock &m_clock;
    JwtKeyStore &m_store;
    std::unique_ptr<Database> m_db;
    QTimer m_timer;
};

} // namespace corkboard
