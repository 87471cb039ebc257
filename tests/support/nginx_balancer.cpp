#include "tests/support/nginx_balancer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace corkboard::test {

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

NginxBalancer::NginxBalancer(QList<quint16> upstreamPorts)
    : m_upstreams(std::move(upstreamPorts))
{
}

NginxBalancer::~NginxBalancer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate(); // SIGTERM: nginx's fast shutdown, its worker goes with it
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QString NginxBalancer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

QString NginxBalancer::config() const
{
    const QString dir = m_dir.path();
    QString servers;
    for (quint16 upstream : m_upstreams)
        servers += QStringLiteral("        server 127.0.0.1:%1 max_fails=1 fail_timeout=30s;\n")
                       .arg(upstream);
    // As root nginx would hand its worker to `nobody`, which cannot enter the private temp dir.
    const QString user = ::geteuid() == 0 ? QStringLiteral("user root;\n") : QString();
    return QStringLiteral(
        "%1worker_processes 1;\n"
        "daemon off;\n"
        "pid %2/nginx.pid;\n"
        "error_log %2/error.log warn;\n"
        "events { worker_connections 512; }\n"
        "http {\n"
        "    access_log off;\n"
        "    client_body_temp_path %2/body;\n"
        "    proxy_temp_path %2/proxy;\n"
        "    fastcgi_temp_path %2/fastcgi;\n"
        "    uwsgi_temp_path %2/uwsgi;\n"
        "    scgi_temp_path %2/scgi;\n"
        "    map $http_upgrade $connection_upgrade { default upgrade; '' ''; }\n"
        "    upstream corkboard {\n"
        "%3"
        "        keepalive 16;\n"
        "    }\n"
        "    server {\n"
        "        listen 127.0.0.1:%4;\n"
        "        client_max_body_size 0;\n"
        "        location / {\n"
        "            proxy_pass http://corkboard;\n"
        "            proxy_http_version 1.1;\n"
        "            proxy_set_header Upgrade $http_upgrade;\n"
        "            proxy_set_header Connection $connection_upgrade;\n"
        "            proxy_set_header Host $host;\n"
        "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        "            proxy_set_header X-Forwarded-Proto $scheme;\n"
        "            proxy_buffering off;\n"
        "            proxy_request_buffering off;\n"
        "            proxy_connect_timeout 2s;\n"
        "            proxy_read_timeout 1h;\n"
        "            proxy_send_timeout 1h;\n"
        "        }\n"
        "    }\n"
        "}\n")
        .arg(user, dir, servers)
        .arg(m_port);
}

bool NginxBalancer::start(int timeoutMs)
{
    QString binary = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (binary.isEmpty())
        binary = QStandardPaths::findExecutable(
            QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    if (binary.isEmpty()) {
        m_error = QStringLiteral("nginx is not installed (apt-get install nginx-light)");
        return false;
    }
    m_port = freeLoopbackPort();
    QFile file(QDir(m_dir.path()).filePath(QStringLiteral("nginx.conf")));
    if (m_port == 0 || !file.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot prepare nginx's folder");
        return false;
    }
    file.write(config().toUtf8());
    file.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary,
        {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-c"), file.fileName(),
            QStringLiteral("-e"), QDir(m_dir.path()).filePath(QStringLiteral("error.log"))});
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    QFile log(QDir(m_dir.path()).filePath(QStringLiteral("error.log")));
    (void)log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("nginx did not start: %1 %2")
                  .arg(QString::fromUtf8(m_process.readAll()), QString::fromUtf8(log.readAll()));
    return false;
}

} // namespace corkboard::test
