#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace corkboard::test {

//! The real `corkboard --serve` binary (path from CORKBOARD_BINARY) on 127.0.0.1, port 0, with
//! its own temporary data dir; for tests about the process (exit codes, signals, memory).
class ServerProcess
{
public:
    explicit ServerProcess(
        QStringList extraArguments = {}, QProcessEnvironment extraEnvironment = {});
    ~ServerProcess();

    //! Starts and waits for "Corkboard is serving on http(s)://127.0.0.1:PORT"; false on failure
    //! (then error() says why).
    bool start(int timeoutMs = 30000);
    quint16 port() const { return m_port; }
    //! "http" or "https", as the server reported its address.
    QString scheme() const { return m_scheme; }
    //! http(s)://127.0.0.1:PORT + path.
    QString url(const QString &path) const;
    //! The certificate fingerprint the server printed ("AB:CD:…"; waits for the line; empty
    //! when it serves plain HTTP).
    QString tlsFingerprint(int timeoutMs = 10000);
    qint64 pid() const { return m_process.processId(); }
    QString dataDir() const { return m_dir.path(); }
    QString error() const { return m_error; }
    QProcess &process() { return m_process; }

    //! Everything the process wrote to stdout so far (what a person at its console sees).
    QByteArray stdoutText();
    //! Waits until stdout contains `needle`.
    bool waitForStdout(const QByteArray &needle, int timeoutMs);
    //! Everything the process wrote to stderr so far (its log lines).
    QByteArray stderrText();
    //! Waits until stderr contains `needle`.
    bool waitForStderr(const QByteArray &needle, int timeoutMs);
    //! Sends SIGTERM.
    void terminate();
    //! Waits for the exit; false when it did not exit in time.
    bool waitForExit(int timeoutMs);
    //! Peak resident set size in KiB (VmHWM from /proc/<pid>/status), -1 when unknown.
    qint64 peakRssKiB() const;
    //! Current resident set size in KiB (VmRSS), -1 when unknown.
    qint64 rssKiB() const;
    //! Starts a new peak: VmHWM drops to the current RSS (Linux: "5" into clear_refs). Lets a
    //! test measure one phase without the start-up peak (the password hasher's 64 MiB probe).
    bool resetPeakRss();

private:
    QTemporaryDir m_dir;
    QStringList m_arguments;
    QProcessEnvironment m_environment;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_error;
    quint16 m_port = 0;
    QString m_scheme;
};

} // namespace corkboard::test
