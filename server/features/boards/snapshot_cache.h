#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QString>
#include <optional>

namespace corkboard {

//! GET /boards/{id} as bytes: the `{"data": …}` body and its entity tag.
struct SnapshotBody
{
    QByteArray json;
    QByteArray etag; //!< "<seq>-<hash of the body>" (unquoted): equal tags, equal bytes
    qint64 seq = 0;
};

//! One server thread's recent snapshot bodies, per board, caller's role and archived flag. An
//! entry is served only while the board's event seq is unchanged, no write of this process has
//! committed since it was read (databaseWriteGeneration) and its time (TTL) has not run out;
//! the TTL bounds what another process (the worker) could change without an event.
class SnapshotCache
{
public:
    static constexpr int kTtlMs = 5000;
    explicit SnapshotCache(int ttlMs = kTtlMs, int maxEntries = 32, qsizetype maxBytes = 64 << 20);

    static QString key(const QString &boardId, const QString &role, bool includeArchived);
    std::optional<SnapshotBody> find(const QString &key, qint64 seq, quint64 generation);
    //! `generation`: databaseWriteGeneration() read before the snapshot's read began.
    void store(const QString &key, const SnapshotBody &body, quint64 generation);

private:
    struct Entry
    {
        SnapshotBody body;
        quint64 generation = 0;
        QDeadlineTimer expires;
    };
    int m_ttlMs;
    int m_maxEntries;
    qsizetype m_maxBytes;
    qsizetype m_bytes = 0;
    QHash<QString, Entry> m_entries;
};

} // namespace corkboard
