#include "server/features/events/outbox_pump.h"

#include "server/features/events/live_repository.h"
#include "server/features/events/outbox_repository.h"
#include "server/platform/log.h"

#include <QHash>

namespace corkboard {

namespace {
constexpr int kBatch = 500;
} // namespace

OutboxPump::OutboxPump(Database &db, Committed committed, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_committed(std::move(committed))
{
    connect(&m_timer, &QTimer::timeout, this, &OutboxPump::poll);
    m_timer.start(intervalMs);
    poll(); // marks where "new" starts
}

void OutboxPump::poll()
{
    try {
        if (m_lastSeq < 0) {
            m_lastSeq = LiveRepository(m_db).latestSeq();
            return;
        }
        OutboxRepository outbox(m_db);
        for (int round = 0; round < 10; ++round) {
            const QList<EventEnvelope> batch = outbox.all(m_lastSeq, kBatch);
            // One notice per board: the latest seq (the hub reads everything up to it).
            QHash<QString, qint64> latest;
            for (const EventEnvelope &e : batch) {
                latest.insert(e.boardId, e.seq);
                m_lastSeq = e.seq;
            }
            for (auto it = latest.cbegin(); it != latest.cend(); ++it)
                m_committed(it.key(), it.value());
            if (batch.size() < kBatch)
                break;
        }
    } catch (const std::exception &e) {
        logging::write(lcEvents(), QtWarningMsg, QStringLiteral("outbox poll failed"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

} // namespace corkboard
