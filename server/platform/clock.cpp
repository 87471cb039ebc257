#include "server/platform/clock.h"

#include <QFile>
#include <QSaveFile>

namespace corkboard {

QDateTime FileClock::now() const
{
    QMutexLocker lock(&m_mutex);
    QFile f(m_path);
    if (f.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const qint64 ms = f.readAll().trimmed().toLongLong(&ok);
        if (ok)
            m_lastMs = ms;
    }
    // A file being rewritten is read as empty: keep the last good time instead of jumping.
    if (m_lastMs == 0)
        return QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(m_lastMs, Qt::UTC);
}

std::shared_ptr<Clock> clockFromEnvironment()
{
#ifdef CORKBOARD_TEST_HOOKS
    const QString path = qEnvironmentVariable("CORKBOARD_TEST_CLOCK_FILE");
    if (!path.isEmpty())
        return std::make_shared<FileClock>(path);
#endif
    return std::make_shared<SystemClock>();
}

bool writeClockFile(const QString &path, const QDateTime &time)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QByteArray::number(time.toMSecsSinceEpoch()));
    return f.commit();
}

} // namespace corkboard
