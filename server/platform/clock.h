#pragma once

#include <QDateTime>
#include <QMutex>
#include <QString>
#include <memory>

namespace corkboard {

//! Every time decision goes through a Clock so tests can move time.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

//! A clock tests set and advance by hand (thread-safe).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime::currentDateTimeUtc())
        : m_now(std::move(start))
    {
    }
    QDateTime now() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &t)
    {
        QMutexLocker lock(&m_mutex);
        m_now = t;
    }
    void advance(qint64 ms)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addMSecs(ms);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

//! Test seam: a clock whose time is the number of milliseconds since the epoch written in a
//! file, re-read on every call, so a test can move time in another process (the worker).
//! Used only when CORKBOARD_TEST_CLOCK_FILE is set in a test build (CORKBOARD_TEST_HOOKS);
//! a release build ignores the variable.
class FileClock final : public Clock
{
public:
    explicit FileClock(QString path)
        : m_path(std::move(path))
    {
    }
    QDateTime now() const override;

private:
    QString m_path;
    mutable QMutex m_mutex;
    mutable qint64 m_lastMs = 0;
};

//! The SystemClock, or (test builds only) a FileClock when CORKBOARD_TEST_CLOCK_FILE is set.
std::shared_ptr<Clock> clockFromEnvironment();
//! Writes a time for FileClock readers (tests).
bool writeClockFile(const QString &path, const QDateTime &time);

} // namespace corkboard
