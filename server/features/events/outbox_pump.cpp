#include "server/features/events/outbox_pump.h"

#include "server/features/events/live_repository.h"
#include "server/features/events/outbox_repository.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <atomic>

namespace corkboard {

namespace {
constexpr int kBatch = 500;
std::atomic<int> g_listenCount {0};
} // namespace

const QString &OutboxPump::channel()
{
    static const QString name = QStringLiteral("corkboard_events");
    return name;
}

OutboxPump::OutboxPump(Database &db, Committed committed, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_committed(std::move(committed))
{
    m_uptime.start();
    connect(&m_timer, &QTimer::timeout, this, &OutboxPump::poll);
    m_timer.start(intervalMs);
    poll(); // marks where "new" starts
}

OutboxPump::~OutboxPump()
{
    m_timer.stop();
    if (m_listenDb && m_listenDb->handle().isOpen())
        m_listenDb->handle().driver()->unsubscribeFromNotification(channel());
    m_listenDb.reset();
}

void OutboxPump::listen(const Config &config)
{
    m_listenDb = std::make_unique<Database>(
        config, QStringLiteral("corkboard-outbox-listen-%1").arg(g_listenCount.fetch_add(1)));
    if (!m_listenDb->isPostgres()) {
        m_listenDb.reset();
        return;
    }
    subscribe();
    m_timer.setInterval(kListeningPollMs);
}

bool OutboxPump::listening() const
{
    return m_listenDb && m_listenDb->handle().isOpen()
        && m_listenDb->handle().driver()->subscribedToNotifications().contains(channel());
}

void OutboxPump::subscribe()
{
    QSqlDriver *driver = m_listenDb->handle().driver();
    // The driver object is the same after a reconnect; connect once.
    disconnect(driver, &QSqlDriver::notification, this, nullptr);
    connect(driver, &QSqlDriver::notification, this,
        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            onNotification(name, payload);
        });
    if (!driver->subscribeToNotification(channel())) {
        logging::write(lcEvents(), QtWarningMsg,
            QStringLiteral("cannot listen for outbox notifications, polling"),
            {{QStringLiteral("error"), driver->lastError().text()}});
    }
}

void OutboxPump::onNotification(const QString &name, const QVariant &payload)
{
    if (name != channel())
        return;
    ++m_heard;
    const QString text = payload.toString();
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
    bool ok = false;
    const qint64 seq = space > 0 ? QStringView(text).mid(space + 1).toLongLong(&ok) : 0;
    if (!ok || seq <= 0)
        return;
    m_committed(text.left(space), seq);
    if (m_started)
        m_cursor.accept(seq, m_uptime.elapsed());
}

void OutboxPump::poll()
{
    try {
        if (!m_started) {
            m_cursor.reset(LiveRepository(m_db).latestSeq());
            m_started = true;
            return;
        }
        if (m_listenDb && (m_listenDb->connectionLost() || !listening())) {
            // The database restarted or dropped the connection: open it again and subscribe.
            m_listenDb->reconnectIfLost();
            subscribe();
        }
        OutboxRepository outbox(m_db);
        const qint64 now = m_uptime.elapsed();
        m_cursor.expire(now);
        qint64 from = m_cursor.readAfter();
        for (int round = 0; round < 10; ++round) {
            const QList<EventEnvelope> batch = outbox.all(from, kBatch);
            // One notice per board: the latest new seq (the hub reads everything up to it).
            QHash<QString, qint64> latest;
            for (const EventEnvelope &e : batch) {
                if (m_cursor.accept(e.seq, now))
                    latest.insert(e.boardId, e.seq);
            }
            for (auto it = latest.cbegin(); it != latest.cend(); ++it)
                m_committed(it.key(), it.value());
            if (batch.size() < kBatch)
                break;
            from = batch.last().seq;
        }
    } catch (const std::exception &e) {
        logging::write(lcEvents(), QtWarningMsg, QStringLiteral("outbox poll failed"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

} // namespace corkboard
