#pragma once

#include <QtGlobal>
#include <map>

namespace corkboard {

//! Where a reader of an id (or seq) column filled from a PostgreSQL sequence continues. A later
//! number can commit before an earlier one, so `id > last` alone would skip the earlier row for
//! good; this remembers the gaps it saw for a grace period and reads again from the oldest gap
//! still open. A gap that never fills (a rolled-back insert) is forgotten after the grace period.
//! On SQLite numbers commit in order and no gap stays open.
class CommitCursor
{
public:
    explicit CommitCursor(qint64 graceMs = 10000);

    //! Starts after this id (rows up to it count as seen), with no open gaps.
    void reset(qint64 lastId);
    //! Read rows with an id greater than this (some of them may have been seen already).
    qint64 readAfter() const;
    //! A row read now: true when it is new (beyond the last id, or filling an open gap), false
    //! when it was seen before.
    bool accept(qint64 id, qint64 nowMs);
    //! Forgets gaps older than the grace period.
    void expire(qint64 nowMs);
    qint64 lastId() const { return m_last; }
    int openGaps() const { return int(m_gaps.size()); }

private:
    qint64 m_graceMs;
    qint64 m_last = 0;
    std::map<qint64, qint64> m_gaps; //!< id not seen yet → when the gap was first seen (ms)
};

} // namespace corkboard
