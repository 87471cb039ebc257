#include "server/features/auth/revocation_feed.h"

#include "server/features/auth/revocation_list.h"
#include "server/features/auth/revocation_repository.h"
#include "server/platform/clock.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

#include <QDateTime>
#include <atomic>

namespace corkboard {

namespace {
constexpr int kPage = 1000;
constexpr int kPruneEveryPolls = 2400; // ~10 minutes at the default interval
std::atomic<int> g_feedCount {0};
} // namespace

RevocationFeed::RevocationFeed(
    const Config &config, const Clock &clock, RevocationList &list, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_list(list)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        try {
            poll();
        } catch (const std::exception &e) {
            logging::write(lcAuth(), QtWarningMsg, QStringLiteral("revocation poll failed"),
                {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
        }
    });
}

RevocationFeed::~RevocationFeed()
{
    m_timer.stop();
    m_repository.reset();
    m_db.reset();
}

void RevocationFeed::start()
{
    m_db = std::make_unique<Database>(
        m_config, QStringLiteral("corkboard-revocations-%1").arg(g_feedCount.fetch_add(1)));
    m_repository = std::make_unique<RevocationRepository>(*m_db);
    m_uptime.start();
    poll();
    m_timer.start();
}

int RevocationFeed::poll()
{
    if (!m_repository)
        return 0;
    const QDateTime now = m_clock.now();
    if (++m_polls % kPruneEveryPolls == 0)
        m_repository->prune(now);
    // On PostgreSQL a later id can commit first (another instance's revocation): the cursor
    // reads again from the oldest gap for a while, so the earlier row still applies.
    const qint64 nowMs = m_uptime.elapsed();
    m_cursor.expire(nowMs);
    qint64 from = m_cursor.readAfter();
    int total = 0;
    for (;;) {
        const QList<Revocation> rows = m_repository->after(from, now, kPage);
        QList<Revocation> fresh;
        for (const Revocation &row : rows) {
            if (m_cursor.accept(row.id, nowMs))
                fresh.append(row);
        }
        if (!fresh.isEmpty())
            m_list.apply(fresh);
        total += int(fresh.size());
        if (rows.size() < kPage)
            break;
        from = rows.last().id;
    }
    return total;
}

} // namespace corkboard
