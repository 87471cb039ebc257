#pragma once

#include "server/host/server_host.h"
#include "server/platform/config.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTemporaryDir>
#include <QThread>
#include <functional>
#include <memory>

namespace corkboard::test {

//! A config for tests: temp data dir, loopback, port 0, 2 threads, cheap password hashing.
Config testConfig(const QString &dataDir);

//! A real server on loopback (port 0) with a real SQLite file, running on its own thread so
//! tests may use blocking sockets.
class TestServer
{
public:
    //! `clock`: a ManualClock for tests that move time (null: the system clock).
    explicit TestServer(
        std::function<void(Config &)> tweak = {}, std::shared_ptr<Clock> clock = nullptr);
    ~TestServer();

    QString url(const QString &path) const;
    quint16 port() const { return m_port; }
    const Config &config() const { return m_config; }
    QString dataDir() const { return m_dir.path(); }
    ServerHost &host() { return *m_host; }
    void stop();

private:
    QTemporaryDir m_dir;
    Config m_config;
    QThread m_thread;
    ServerHost *m_host = nullptr;
    quint16 m_port = 0;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int networkError = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
    QJsonObject data() const { return json().value(QStringLiteral("data")).toObject(); }
    QString code() const; //!< problem "code"
};

//! http() (and the helpers on it) accept a server certificate with this SHA-256 fingerprint
//! although the system does not trust it: a test's own self-signed server.
void trustFingerprint(const QString &fingerprint);

//! One HTTP call through QNetworkAccessManager (spins the test's event loop while waiting).
HttpResult http(const QByteArray &method, const QString &url, const QByteArray &body = QByteArray(),
    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);
HttpResult httpJson(const QByteArray &method, const QString &url, const QJsonObject &body,
    const QString &bearer = QString());
HttpResult httpAuth(const QByteArray &method, const QString &url, const QString &bearer);

//! Writes raw bytes on a fresh blocking socket and reads until the peer closes or the timeout.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000);
//! Status code of a raw HTTP response ("HTTP/1.1 413 …" → 413), 0 when none.
int rawStatus(const QByteArray &response);

} // namespace corkboard::test
