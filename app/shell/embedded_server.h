#pragma once

#include "server/platform/config.h"

#include <QObject>
#include <QThread>

namespace corkboard {

class ServerHost;

//! The desktop's own server, started and stopped on a thread of its own so the window never
//! waits on migrations, the database or the network.
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedServer(Config config, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    //! Starts (again, after stop(): on the same port) and emits started() or failed().
    void start();
    //! Stops the server; emits stopped() when done.
    void stop();
    QString baseUrl() const { return m_baseUrl; }
    //! "AB:CD:…" when it serves HTTPS (shared on the LAN), else empty.
    QString fingerprint() const { return m_fingerprint; }

Q_SIGNALS:
    void started(const QString &baseUrl);
    void failed(const QString &message);
    void stopped();

private:
    Config m_config;
    QThread m_thread;
    ServerHost *m_host = nullptr;
    QString m_baseUrl;
    QString m_fingerprint;
    quint16 m_port = 0;
    bool m_stopping = false;
    bool m_restartPending = false;
};

} // namespace corkboard
