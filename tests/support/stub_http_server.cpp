#include "tests/support/stub_http_server.h"

#include <QTcpSocket>

namespace corkboard::test {

StubResponse StubResponse::json(int status, const QByteArray &body)
{
    StubResponse r;
    r.status = status;
    r.body = body;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

StubResponse StubResponse::problem(
    int status, const QByteArray &code, const QByteArray &extraMembers)
{
    StubResponse r;
    r.status = status;
    r.body = "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + QByteArray::number(status)
        + ",\"code\":\"" + code + "\",\"detail\":\"server detail " + code
        + "\",\"request_id\":\"stub-req\"" + extraMembers + "}";
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/problem+json")));
    return r;
}

StubHttpServer::StubHttpServer(Handler handler)
    : m_handler(std::move(handler))
{
    listen(QHostAddress::LocalHost, 0);
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

QString StubHttpServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
}

int StubHttpServer::count(const QByteArray &pathPrefix) const
{
    int n = 0;
    for (const auto &r : m_requests)
        n += r.path.startsWith(pathPrefix) ? 1 : 0;
    return n;
}

void StubHttpServer::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        StubRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(
                    lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);

        const StubResponse response = m_handler(request);
        if (response.drop) {
            socket->abort();
            return;
        }
        if (response.hang)
            continue;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
        for (const auto &h : response.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n"
            + response.body;
        socket->write(out);
    }
}

} // namespace corkboard::test
