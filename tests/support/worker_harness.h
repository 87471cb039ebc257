#pragma once

#include "server/platform/config.h"

#include <QDateTime>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <memory>
#include <vector>

namespace corkboard {
class Database;
}

namespace corkboard::test {

//! A migrated SQLite file, a fake clock file and real `corkboard --worker` processes on them
//! (the binary from CORKBOARD_BINARY). The clock file reaches the workers through the
//! CORKBOARD_TEST_CLOCK_FILE seam; test job kinds through CORKBOARD_TEST_JOB_KINDS.
class WorkerHarness
{
public:
    explicit WorkerHarness(
        const QDateTime &start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    ~WorkerHarness();

    const Config &config() const { return m_config; }
    Config &config() { return m_config; }
    QString dataDir() const { return m_dir.path(); }
    QString clockFile() const { return m_clockFile; }
    QDateTime now() const { return m_now; }
    qint64 nowMs() const { return m_now.toMSecsSinceEpoch(); }
    void setNow(const QDateTime &t);
    void advance(qint64 ms) { setNow(m_now.addMSecs(ms)); }

    //! The test's own connection to the same file.
    Database &db();
    //! Environment a worker (or server) process gets: clock, test kinds, fast polling, settings.
    QProcessEnvironment environment() const;
    //! Starts one worker; extra variables override the defaults.
    QProcess *startWorker(const QProcessEnvironment &extra = {});
    //! SIGKILL, then reap.
    static void killHard(QProcess *process);

private:
    QTemporaryDir m_dir;
    Config m_config;
    QString m_clockFile;
    QDateTime m_now;
    std::unique_ptr<Database> m_db;
    std::vector<std::unique_ptr<QProcess>> m_workers;
};

//! Path of the corkboard executable under test.
QString corkboardBinary();

} // namespace corkboard::test
