#include "tests/support/test_server.h"

#include "shared/tls_fingerprint.h"
#include "tests/support/test_database.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslError>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <stdexcept>

namespace corkboard::test {

Config testConfig(const QString &dataDir)
{
    Config c;
    c.mode = RunMode::Serve;
    c.host = QStringLiteral("127.0.0.1");
    c.port = 0;
    c.dataDir = dataDir;
    c.databaseUrl = QStringLiteral("sqlite:") + dataDir + QStringLiteral("/corkboard.db");
    useTestDatabase(c); // the postgres variants: a fresh PostgreSQL database instead
    c.threads = 2;
    c.logLevel = QStringLiteral("warning");
    c.rateLimitPerSecond = 10000;
    c.rateLimitBurst = 10000;
    c.authRateLimitPerMinute = 1000;
    c.passwordOpsLimit = 1;
    c.passwordMemLimit = 8192;
    c.shutdownTimeoutMs = 3000;
    // Embedded servers in test binaries start the real worker, not the test binary.
    c.workerProgram = qEnvironmentVariable("CORKBOARD_BINARY");
    return c;
}

TestServer::TestServer(std::function<void(Config &)> tweak, std::shared_ptr<Clock> clock)
{
    m_config = testConfig(m_dir.path());
    if (tweak)
        tweak(m_config);
    m_thread.start();
    QObject anchor;
    anchor.moveToThread(&m_thread);
    std::exception_ptr error;
    QMetaObject::invokeMethod(
        &anchor,
        [this, &error, clock] {
            try {
                m_host = new ServerHost(m_config, clock);
                m_host->start();
                m_port = m_host->port();
            } catch (...) {
                error = std::current_exception();
            }
        },
        Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        &anchor, [&anchor] { anchor.moveToThread(nullptr); }, Qt::BlockingQueuedConnection);
    if (error)
        std::rethrow_exception(error);
}

TestServer::~TestServer()
{
    stop();
}

void TestServer::stop()
{
    if (m_host) {
        ServerHost *host = m_host;
        QMetaObject::invokeMethod(
            host, [host] { delete host; }, Qt::BlockingQueuedConnection);
        m_host = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

QString TestServer::url(const QString &path) const
{
    const bool tls = m_host && !m_host->tlsFingerprint().isEmpty();
    return QStringLiteral("%1://127.0.0.1:%2%3")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_port)
        .arg(path);
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::code() const
{
    return json().value(QStringLiteral("code")).toString();
}

namespace {
QStringList &trustedFingerprints()
{
    static QStringList fingerprints;
    return fingerprints;
}
} // namespace

void trustFingerprint(const QString &fingerprint)
{
    if (!trustedFingerprints().contains(fingerprint))
        trustedFingerprints().append(fingerprint);
}

HttpResult http(const QByteArray &method, const QString &url, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    static QNetworkAccessManager *nam = [] {
        auto *manager = new QNetworkAccessManager;
        // A test's own server certificate (self-signed) is accepted by its fingerprint only.
        QObject::connect(manager, &QNetworkAccessManager::sslErrors, manager,
            [](QNetworkReply *reply, const QList<QSslError> &errors) {
                const QString seen
                    = certificateFingerprint(reply->sslConfiguration().peerCertificate().toDer());
                if (trustedFingerprints().contains(seen))
                    reply->ignoreSslErrors(errors);
            });
        return manager;
    }();
    QNetworkRequest request {QUrl(url)};
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    // HEAD through sendCustomRequest would wait for a body the server rightly never sends.
    QNetworkReply *reply
        = method == "HEAD" ? nam->head(request) : nam->sendCustomRequest(request, method, body);
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        spy.wait(timeoutMs);
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.networkError = int(reply->error());
    reply->deleteLater();
    return r;
}

HttpResult httpJson(
    const QByteArray &method, const QString &url, const QJsonObject &body, const QString &bearer)
{
    QList<QPair<QByteArray, QByteArray>> headers {{"Content-Type", "application/json"}};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toLatin1()});
    return http(method, url, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

HttpResult httpAuth(const QByteArray &method, const QString &url, const QString &bearer)
{
    return http(method, url, QByteArray(), {{"Authorization", "Bearer " + bearer.toLatin1()}});
}

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(timeoutMs))
        return QByteArray();
    socket.write(bytes);
    socket.waitForBytesWritten(timeoutMs);
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - timer.elapsed()))))
            out += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState) {
            out += socket.readAll();
            break;
        }
    }
    return out;
}

int rawStatus(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

} // namespace corkboard::test
