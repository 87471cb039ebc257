#include "server/features/notifications/notification_pump.h"

#include "server/features/notifications/notification_repository.h"
#include "server/features/notifications/notification_service.h"
#include "server/platform/log.h"
#include "shared/json_writer.h"

namespace corkboard {

NotificationPump::NotificationPump(Database &db, Sink sink, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_sink(std::move(sink))
{
    connect(&m_timer, &QTimer::timeout, this, &NotificationPump::poll);
    m_timer.start(intervalMs);
    poll(); // marks where "new" starts: what exists at start-up is not pushed
}

void NotificationPump::poll()
{
    try {
        NotificationRepository repository(m_db);
        if (m_lastSeq < 0) {
            m_lastSeq = repository.maxSeq(); // what existed before start-up is not news
            return;
        }
        for (int round = 0; round < 10; ++round) {
            const auto batch = repository.since(m_lastSeq, 200);
            for (const NotificationRecord &n : batch) {
                JsonWriter w(512);
                w.beginObject().field("type", "notification").key("data");
                writeNotification(w, n);
                w.endObject();
                m_sink(n.userId, w.take());
                m_lastSeq = n.seq;
            }
            if (batch.size() < 200)
                break;
        }
    } catch (const std::exception &e) {
        logging::write(lcEvents(), QtWarningMsg, QStringLiteral("notification push failed"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

} // namespace corkboard
