#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QReadWriteLock>
#include <QString>
#include <optional>

namespace corkboard {

struct Config;
class Clock;

//! The HS256 signing keys, each with a `kid`. The newest is current and signs; retired keys keep
//! verifying until every token they signed has expired, then they are dropped. Keys live in
//! <data dir>/jwt-keys.json (mode 0600) unless CORKBOARD_JWT_SECRET sets one fixed key; on
//! PostgreSQL in the database, shared by every instance (JwtKeySync keeps them in step, and a
//! new key only signs once every instance has had time to learn it).
//! Thread-safe: every server thread signs and verifies through the one instance.
class JwtKeyStore
{
public:
    struct Key
    {
        QString kid;
        QByteArray secret;
        qint64 createdMs = 0;
        qint64 retiredMs = 0; //!< 0: current
    };

    JwtKeyStore(const Config &config, const Clock &clock);

    //! Reads the key file, creating it with a first key when there is none; throws
    //! std::runtime_error when it cannot.
    void load();
    //! The key that signs new tokens (rotates first when the automatic period has passed).
    Key current();
    //! The secret of a key that may still verify tokens; nullopt for unknown or dropped kids.
    std::optional<QByteArray> secretFor(const QString &kid);

    //! Adds a new current key to the key file, retiring the previous one; returns the new kid.
    static QString rotateFile(const QString &path, const Clock &clock);
    //! The keys with a new current one first, the previous retired, long-retired ones dropped.
    static QList<Key> rotated(QList<Key> keys, qint64 nowMs);
    static QList<Key> parse(const QByteArray &json, const QString &origin);
    static QByteArray serialize(const QList<Key> &keys);

    //! The keys live in the database (PostgreSQL without CORKBOARD_JWT_SECRET): load() leaves
    //! them to JwtKeySync, which hands them over with setKeys.
    bool sharedInDatabase() const;
    void setKeys(const QList<Key> &keys);
    //! Shared keys: how long a new key only verifies before it signs (every instance has read it).
    static constexpr qint64 kPropagationMs = 10000;
    static QString keyFilePath(const Config &config);
    //! How long a retired key keeps verifying: the access-token lifetime plus leeway.
    static qint64 retiredKeyLifetimeMs();

private:
    static QList<Key> readFile(const QString &path);
    static void writeFile(const QString &path, const QList<Key> &keys);
    void reloadLocked();
    void maybeReload(bool force = false);

    const Config &m_config;
    const Clock &m_clock;
    QString m_path;
    QReadWriteLock m_lock;
    QList<Key> m_keys; // newest first
    QDateTime m_fileModified;
    QElapsedTimer m_sinceCheck;
};

} // namespace corkboard
