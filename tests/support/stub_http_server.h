#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <functional>

namespace corkboard::test {

struct StubRequest
{
    QByteArray method;
    QByteArray path; //!< with the query
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

struct StubResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool drop = false; //!< close the connection without answering (a network failure)
    bool hang = false; //!< never answer (a timeout)

    static StubResponse json(int status, const QByteArray &body);
    static StubResponse problem(
        int status, const QByteArray &code, const QByteArray &extraMembers = {});
};

//! A scripted HTTP/1.1 server on loopback for client tests: every request is recorded and
//! answered by the handler, so a test can stage 503s, drops, hangs or expired tokens.
class StubHttpServer : public QTcpServer
{
public:
    using Handler = std::function<StubResponse(const StubRequest &)>;
    explicit StubHttpServer(Handler handler);
    QString url() const;
    const QList<StubRequest> &requests() const { return m_requests; }
    int count(const QByteArray &pathPrefix) const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }

private:
    void onReadable(QTcpSocket *socket);
    Handler m_handler;
    QList<StubRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace corkboard::test
