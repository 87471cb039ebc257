#pragma once

#include <QMutex>
#include <QString>
#include <atomic>

namespace corkboard {

class Database;

//! The first start of a server reachable beyond loopback: until the first account exists, the
//! registration that creates it must present a one-time setup code that only the person who
//! started the server has seen (on its console and in its log). Thread-safe.
class SetupGate
{
public:
    //! A fresh random code, e.g. "K7QM-3XRP-HD9W" (60 bits, no look-alike characters).
    static QString generateCode();

    //! At start-up: whether the server has no account yet, and the code (empty: none needed).
    void arm(bool firstAccountPending, const QString &code);
    //! No account exists yet: the next registration makes the admin.
    bool firstAccountPending() const { return m_pending.load(); }
    //! The same, asking the database while pending: another instance on it may have created
    //! the first account since this one started (the gate is then spent here too).
    bool firstAccountPending(Database &db);
    //! A setup code is needed for that registration.
    bool codeRequired() const;
    //! Constant-time comparison, ignoring case, spaces and dashes.
    bool matches(const QString &presented) const;
    //! The first account exists: the code is spent.
    void firstAccountCreated();

private:
    static QByteArray normalized(const QString &code);

    mutable QMutex m_mutex;
    QByteArray m_code; //!< normalized; empty: none
    std::atomic<bool> m_pending {false};
};

} // namespace corkboard
