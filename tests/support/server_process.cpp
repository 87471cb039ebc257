#include "tests/support/server_process.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>

namespace corkboard::test {

ServerProcess::ServerProcess(QStringList extraArguments, QProcessEnvironment extraEnvironment)
    : m_arguments(std::move(extraArguments))
    , m_environment(std::move(extraEnvironment))
{
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServerProcess::start(int timeoutMs)
{
    const QString binary = qEnvironmentVariable("CORKBOARD_BINARY");
    if (binary.isEmpty()) {
        m_error = QStringLiteral("CORKBOARD_BINARY is not set");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CORKBOARD_LOG_LEVEL"), QStringLiteral("info"));
    const QStringList keys = m_environment.keys();
    for (const auto &key : keys)
        env.insert(key, m_environment.value(key));
    m_process.setProcessEnvironment(env);
    QStringList args {QStringLiteral("--serve"), QStringLiteral("--host"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--data-dir"), m_dir.path()};
    args += m_arguments;
    m_process.start(binary, args);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("could not start %1").arg(binary);
        return false;
    }
    static const QRegularExpression serving(
        QStringLiteral(R"(Corkboard is serving on (https?)://127\.0\.0\.1:(\d+))"));
    m_stdout.clear();
    m_stderr.clear();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(
            int(std::max<qint64>(1, std::min<qint64>(100, deadline.remainingTime()))));
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        const auto match = serving.match(QString::fromUtf8(m_stdout));
        if (match.hasMatch()) {
            m_scheme = match.captured(1);
            m_port = quint16(match.captured(2).toUInt());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    m_error = QStringLiteral("the server did not report its address; stdout: %1 stderr: %2")
                  .arg(QString::fromUtf8(m_stdout), QString::fromUtf8(m_stderr));
    return false;
}

QString ServerProcess::url(const QString &path) const
{
    return QStringLiteral("%1://127.0.0.1:%2%3").arg(m_scheme).arg(m_port).arg(path);
}

QString ServerProcess::tlsFingerprint(int timeoutMs)
{
    if (m_scheme != QLatin1String("https"))
        return QString();
    static const QRegularExpression line(
        QStringLiteral(R"(TLS certificate SHA-256 fingerprint: ([0-9A-F:]{95})\n)"));
    QDeadlineTimer deadline(timeoutMs);
    QString found;
    while ((found = line.match(QString::fromUtf8(stdoutText())).captured(1)).isEmpty()) {
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            break;
        m_process.waitForReadyRead(50);
    }
    return found;
}

QByteArray ServerProcess::stdoutText()
{
    m_stdout += m_process.readAllStandardOutput();
    return m_stdout;
}

bool ServerProcess::waitForStdout(const QByteArray &needle, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!stdoutText().contains(needle)) {
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return stdoutText().contains(needle);
        m_process.waitForReadyRead(50);
    }
    return true;
}

QByteArray ServerProcess::stderrText()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

bool ServerProcess::waitForStderr(const QByteArray &needle, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!stderrText().contains(needle)) {
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return stderrText().contains(needle);
        m_process.waitForReadyRead(50);
    }
    return true;
}

void ServerProcess::terminate()
{
    if (m_process.state() != QProcess::NotRunning)
        ::kill(pid_t(m_process.processId()), SIGTERM);
}

bool ServerProcess::waitForExit(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    const bool done = m_process.waitForFinished(timeoutMs);
    stderrText();
    return done;
}

namespace {
qint64 statusValueKiB(qint64 pid, const QByteArray &key)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const auto &line : lines) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace

qint64 ServerProcess::peakRssKiB() const
{
    return statusValueKiB(m_process.processId(), "VmHWM:");
}

qint64 ServerProcess::rssKiB() const
{
    return statusValueKiB(m_process.processId(), "VmRSS:");
}

bool ServerProcess::resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/%1/clear_refs").arg(m_process.processId()));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

} // namespace corkboard::test
