#pragma once

#include <QMutex>
#include <QString>
#include <atomic>

namespace corkboard {

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
