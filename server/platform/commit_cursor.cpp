#include "server/platform/commit_cursor.h"

namespace corkboard {

namespace {
// More missing numbers than this in one step are not concurrent writers but a sequence that
// jumped (a cache, a restore): those are not waited for.
constexpr qint64 kMaxGapsPerStep = 1024;
} // namespace

CommitCursor::CommitCursor(qint64 graceMs)
    : m_graceMs(graceMs)
{
}

void CommitCursor::reset(qint64 lastId)
{
    m_last = lastId;
    m_gaps.clear();
}

qint64 CommitCursor::readAfter() const
{
    return m_gaps.empty() ? m_last : m_gaps.begin()->first - 1;
}

bool CommitCursor::accept(qint64 id, qint64 nowMs)
{
    if (id > m_last) {
        if (id - m_last - 1 <= kMaxGapsPerStep) {
            for (qint64 missing = m_last + 1; missing < id; ++missing)
                m_gaps.emplace(missing, nowMs);
        }
        m_last = id;
        return true;
    }
    return m_gaps.erase(id) > 0;
}

void CommitCursor::expire(qint64 nowMs)
{
    for (auto it = m_gaps.begin(); it != m_gaps.end();) {
        if (nowMs - it->second >= m_graceMs)
            it = m_gaps.erase(it);
        else
            ++it;
    }
}

} // namespace corkboard
