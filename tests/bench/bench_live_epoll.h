// A lean WebSocket receiver for bench_live: N plain sockets read with one epoll on the calling
// thread, frames parsed by hand, so the client spends a few microseconds per frame and the
// figure it reports is the server's delivery rather than the client's own queueing. Bench code
// only: it speaks just what the bench needs (text frames in, masked text frames out, ping/pong,
// close) and checks no Sec-WebSocket-Accept.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

class EpollClients
{
public:
    EpollClients() = default;
    EpollClients(const EpollClients &) = delete;
    EpollClients &operator=(const EpollClients &) = delete;
    ~EpollClients();

    //! Opens `count` connections to ws://127.0.0.1:port/api/v1/ws one at a time, sends `auth`
    //! on each, waits for its "ready", sends `subscribe` and waits for its "subscribed". False
    //! with `error` set when one of them fails.
    bool open(quint16 port, int count, const QByteArray &auth, const QByteArray &subscribe,
        QString *error);

    using TextHandler = std::function<void(int client, const char *text, size_t size)>;
    //! Waits up to `timeoutMs` for readable sockets and hands every complete text message read
    //! to `onText` (client index, payload). Answers pings; counts closed connections.
    void poll(int timeoutMs, const TextHandler &onText);

    int closed() const { return m_closed; }

private:
    struct Peer
    {
        int fd = -1;
        bool open = false;
        QByteArray in; //!< bytes read, not yet parsed
        QByteArray message; //!< a fragmented message being put together
    };

    bool handshake(Peer &peer, quint16 port, QString *error);
    bool awaitType(Peer &peer, int index, const char *type, QString *error);
    bool readSome(Peer &peer);
    void parse(int index, Peer &peer, const TextHandler &onText);
    static void sendText(int fd, const QByteArray &payload, unsigned char opcode = 0x1);

    int m_epoll = -1;
    int m_closed = 0;
    std::vector<Peer> m_peers;
};
