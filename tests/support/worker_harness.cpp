#include "tests/support/worker_harness.h"

#include "server/host/server_host.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "tests/support/test_server.h"

#include <QDir>
#include <csignal>
#include <stdexcept>

namespace corkboard::test {

QString corkboardBinary()
{
    const QString path = qEnvironmentVariable("CORKBOARD_BINARY");
    if (path.isEmpty())
        throw std::runtime_error("CORKBOARD_BINARY is not set (run the test through ctest)");
    return path;
}

WorkerHarness::WorkerHarness(const QDateTime &start)
{
    crypto::initialize();
    m_config = testConfig(m_dir.path());
    m_config.jobPollMs = 20;
    m_config.jobLeaseMs = 5000;
    m_config.jobRetryBaseMs = 1000;
    m_clockFile = QDir(m_dir.path()).filePath(QStringLiteral("clock"));
    setNow(start);
    migrateAtStartup(m_config);
}

WorkerHarness::~WorkerHarness()
{
    for (auto &p : m_workers) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(5000))
                killHard(p.get());
        }
    }
    m_workers.clear();
    m_db.reset();
}

void WorkerHarness::setNow(const QDateTime &t)
{
    m_now = t.toUTC();
    if (!writeClockFile(m_clockFile, m_now))
        throw std::runtime_error("cannot write the test clock file");
}

Database &WorkerHarness::db()
{
    if (!m_db)
        m_db = std::make_unique<Database>(m_config, QStringLiteral("worker-harness"));
    return *m_db;
}

QProcessEnvironment WorkerHarness::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CORKBOARD_TEST_CLOCK_FILE"), m_clockFile);
    env.insert(QStringLiteral("CORKBOARD_TEST_JOB_KINDS"), QStringLiteral("true"));
    env.insert(QStringLiteral("CORKBOARD_DATA_DIR"), m_config.dataDir);
    env.insert(QStringLiteral("CORKBOARD_DATABASE_URL"), m_config.databaseUrl);
    env.insert(QStringLiteral("CORKBOARD_JOB_POLL_MS"), QString::number(m_config.jobPollMs));
    env.insert(QStringLiteral("CORKBOARD_JOB_LEASE_MS"), QString::number(m_config.jobLeaseMs));
    env.insert(
        QStringLiteral("CORKBOARD_JOB_RETRY_BASE_MS"), QString::number(m_config.jobRetryBaseMs));
    env.insert(QStringLiteral("CORKBOARD_WEBHOOK_TIMEOUT_MS"), QStringLiteral("3000"));
    env.insert(QStringLiteral("CORKBOARD_LOG_LEVEL"), QStringLiteral("warning"));
    env.remove(QStringLiteral("CORKBOARD_WORKER_PARENT_PID"));
    return env;
}

QProcess *WorkerHarness::startWorker(const QProcessEnvironment &extra)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = environment();
    const auto keys = extra.keys();
    for (const QString &k : keys)
        env.insert(k, extra.value(k));
    process->setProcessEnvironment(env);
    process->setProgram(corkboardBinary());
    process->setArguments({QStringLiteral("--worker")});
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    process->start();
    if (!process->waitForStarted(10000))
        throw std::runtime_error("the worker did not start");
    m_workers.push_back(std::move(process));
    return m_workers.back().get();
}

void WorkerHarness::killHard(QProcess *process)
{
    ::kill(pid_t(process->processId()), SIGKILL);
    process->waitForFinished(5000);
}

} // namespace corkboard::test
