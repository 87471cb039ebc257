#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace corkboard::test {

//! A real nginx (Debian's nginx-light) in front of several `corkboard --serve` instances on
//! loopback: round robin, WebSocket upgrades proxied, a failed instance skipped. Runs as a child
//! process (`daemon off`) with a generated config and every path in its own temporary folder.
class NginxBalancer
{
public:
    explicit NginxBalancer(QList<quint16> upstreamPorts);
    ~NginxBalancer();
    NginxBalancer(const NginxBalancer &) = delete;
    NginxBalancer &operator=(const NginxBalancer &) = delete;

    //! Writes the config, starts nginx and waits until it accepts connections; false on failure
    //! (then error() says why, with nginx's error log).
    bool start(int timeoutMs = 10000);
    quint16 port() const { return m_port; }
    QString url(const QString &path) const;
    QString error() const { return m_error; }
    //! The generated nginx.conf (the README's example is the same shape).
    QString config() const;

private:
    QTemporaryDir m_dir;
    QList<quint16> m_upstreams;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace corkboard::test
