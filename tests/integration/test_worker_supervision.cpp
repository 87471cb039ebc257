// `corkboard --serve` as a real process: it starts a worker child, /ready reports the worker's
// heartbeat, a killed worker is restarted, and the worker exits by itself when the server dies.
#include "server/platform/database.h"
#include "tests/support/test_server.h"
#include "tests/support/worker_harness.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <csignal>

using namespace corkboard;

namespace {

QList<qint64> workerPids(Database &db)
{
    SqlQuery q(db, QStringLiteral("SELECT pid FROM worker_heartbeats ORDER BY beat_at DESC"));
    q.exec();
    QList<qint64> pids;
    while (q.next())
        pids.append(q.value(0).toLongLong());
    return pids;
}

//! Gone, or a zombie nobody reaps (containers whose PID 1 does not reap).
bool processGone(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return true;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) == "Z";
}

bool processAlive(qint64 pid)
{
    return !processGone(pid);
}

} // namespace

class TestWorkerSupervision : public QObject
{
    Q_OBJECT

private:
    test::WorkerHarness m_h {QDateTime::currentDateTimeUtc()};
    QProcess m_server;
    QString m_baseUrl;

    QString readyWorkerStatus()
    {
        const auto r = test::http("GET", m_baseUrl + QStringLiteral("/ready"));
        return r.json()
            .value(QStringLiteral("checks"))
            .toObject()
            .value(QStringLiteral("worker"))
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcessEnvironment env = m_h.environment();
        // A real clock here: /ready compares heartbeats with the server's time.
        env.remove(QStringLiteral("CORKBOARD_TEST_CLOCK_FILE"));
        env.insert(QStringLiteral("CORKBOARD_HOST"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("CORKBOARD_PORT"), QStringLiteral("0"));
        env.insert(QStringLiteral("CORKBOARD_THREADS"), QStringLiteral("1"));
        env.insert(QStringLiteral("CORKBOARD_LOG_LEVEL"), QStringLiteral("warning"));
        m_server.setProcessEnvironment(env);
        m_server.setProgram(test::corkboardBinary());
        m_server.setArguments({QStringLiteral("--serve")});
        m_server.setProcessChannelMode(QProcess::SeparateChannels);
        m_server.setReadChannel(QProcess::StandardOutput);
        m_server.start();
        QVERIFY(m_server.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_server.canReadLine() || m_server.state() == QProcess::NotRunning, 20000);
        const QString line = QString::fromUtf8(m_server.readLine());
        const auto match
            = QRegularExpression(QStringLiteral("(http://[0-9.]+:[0-9]+)")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_baseUrl = match.captured(1);
    }

    void readyReportsTheWorkersHeartbeat()
    {
        QTRY_COMPARE_WITH_TIMEOUT(readyWorkerStatus(), QStringLiteral("ok"), 20000);
        const auto r = test::http("GET", m_baseUrl + QStringLiteral("/ready"));
        QCOMPARE(r.status, 200);
        QCOMPARE(workerPids(m_h.db()).size(), 1);
        QVERIFY(test::http("GET", m_baseUrl + QStringLiteral("/metrics"))
                    .body.contains("corkboard_jobs_dead_total 0"));
    }

    void killedWorkerIsRestarted()
    {
        const qint64 first = workerPids(m_h.db()).value(0);
        QVERIFY(first > 0);
        ::kill(pid_t(first), SIGKILL);
        // A new worker process writes its own heartbeat; /ready stays (or comes back) ok.
        QTRY_VERIFY_WITH_TIMEOUT(
            workerPids(m_h.db()).value(0) != first && processAlive(workerPids(m_h.db()).value(0)),
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(readyWorkerStatus(), QStringLiteral("ok"), 20000);
    }

    void workerExitsWhenTheServerDies()
    {
        const qint64 worker = workerPids(m_h.db()).value(0);
        QVERIFY(processAlive(worker));
        ::kill(pid_t(m_server.processId()), SIGKILL);
        QVERIFY(m_server.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(worker), 20000);
    }

    void workerWhoseServerDiedWhileItStartedExits()
    {
        // The server was killed between starting its worker and the worker's first look at its
        // parent (seen once in 20 SIGKILL cycles: the worker then lived on, orphaned). Here the
        // worker's parent is this test, not the server it names, so it learns at once.
        QProcess worker;
        QProcessEnvironment env = m_server.processEnvironment();
        env.insert(QStringLiteral("CORKBOARD_WORKER_PARENT_PID"),
            QString::number(qint64(QCoreApplication::applicationPid()) + 1000000));
        worker.setProcessEnvironment(env);
        worker.setProgram(test::corkboardBinary());
        worker.setArguments({QStringLiteral("--worker")});
        worker.start();
        QVERIFY(worker.waitForStarted(10000));
        const bool exited = worker.waitForFinished(20000);
        if (!exited) {
            worker.kill();
            worker.waitForFinished(5000);
        }
        QVERIFY2(exited, "an orphaned worker kept running");
        QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
        QCOMPARE(worker.exitCode(), 0);
    }

    void serverStopsItsWorkerOnSigterm()
    {
        QProcessEnvironment env = m_server.processEnvironment();
        QProcess server;
        server.setProcessEnvironment(env);
        server.setProgram(test::corkboardBinary());
        server.setArguments({QStringLiteral("--serve")});
        server.setReadChannel(QProcess::StandardOutput);
        server.start();
        QVERIFY(server.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            workerPids(m_h.db()).size() >= 1 && processAlive(workerPids(m_h.db()).value(0)), 20000);
        const qint64 worker = workerPids(m_h.db()).value(0);
        server.terminate();
        QVERIFY(server.waitForFinished(15000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(worker), 10000);
        // A worker that stops cleanly removes its heartbeat row.
        QTRY_VERIFY_WITH_TIMEOUT(!workerPids(m_h.db()).contains(worker), 10000);
    }
};

QTEST_GUILESS_MAIN(TestWorkerSupervision)
#include "test_worker_supervision.moc"
