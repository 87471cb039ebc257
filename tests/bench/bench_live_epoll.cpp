#include "bench_live_epoll.h"

#include "tests/support/ws_client_frame.h"

#include <QRandomGenerator>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace {

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

} // namespace

EpollClients::~EpollClients()
{
    for (Peer &peer : m_peers) {
        if (peer.fd >= 0)
            ::close(peer.fd);
    }
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void EpollClients::sendText(int fd, const QByteArray &payload, unsigned char opcode)
{
    const QByteArray frame = corkboard::test::maskedClientFrame(
        payload, QRandomGenerator::global()->generate(), char(opcode));
    writeAll(fd, frame.constData(), size_t(frame.size()));
}

bool EpollClients::readSome(Peer &peer)
{
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(peer.fd, chunk, sizeof chunk);
        if (n > 0) {
            peer.in.append(chunk, n);
            if (size_t(n) < sizeof chunk)
                return true;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        return false; // closed or failed
    }
}

bool EpollClients::handshake(Peer &peer, quint16 port, QString *error)
{
    peer.fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (peer.fd < 0) {
        *error = QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const timeval timeout {10, 0};
    ::setsockopt(peer.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const int one = 1;
    ::setsockopt(peer.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(peer.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        *error = QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    const QByteArray request
        = "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + nonce.toBase64()
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    if (!writeAll(peer.fd, request.constData(), size_t(request.size()))) {
        *error = QStringLiteral("could not send the upgrade request");
        return false;
    }
    qsizetype end = -1;
    while ((end = peer.in.indexOf("\r\n\r\n")) < 0) {
        char chunk[4096];
        const ssize_t n = ::read(peer.fd, chunk, sizeof chunk);
        if (n <= 0) {
            *error = QStringLiteral("no upgrade response");
            return false;
        }
        peer.in.append(chunk, n);
    }
    if (!peer.in.startsWith("HTTP/1.1 101")) {
        *error = QStringLiteral("upgrade refused: %1")
                     .arg(QString::fromLatin1(peer.in.left(peer.in.indexOf('\r'))));
        return false;
    }
    peer.in.remove(0, end + 4);
    peer.open = true;
    return true;
}

bool EpollClients::awaitType(Peer &peer, int index, const char *type, QString *error)
{
    const QByteArray wanted = QByteArray("\"type\":\"") + type + '"';
    bool seen = false;
    const TextHandler look = [&](int, const char *text, size_t size) {
        if (QByteArray::fromRawData(text, qsizetype(size)).contains(wanted))
            seen = true;
    };
    for (;;) {
        parse(index, peer, look);
        if (seen)
            return true;
        if (!peer.open) {
            *error = QStringLiteral("closed while waiting for %1").arg(QLatin1String(type));
            return false;
        }
        char chunk[4096];
        const ssize_t n = ::read(peer.fd, chunk, sizeof chunk);
        if (n <= 0) {
            *error = QStringLiteral("no %1 message").arg(QLatin1String(type));
            return false;
        }
        peer.in.append(chunk, n);
    }
}

void EpollClients::parse(int index, Peer &peer, const TextHandler &onText)
{
    qsizetype at = 0;
    const auto *bytes = reinterpret_cast<const unsigned char *>(peer.in.constData());
    const qsizetype available = peer.in.size();
    while (available - at >= 2) {
        const unsigned char first = bytes[at];
        const unsigned char second = bytes[at + 1];
        quint64 length = second & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (available - at < 4)
                break;
            length = (quint64(bytes[at + 2]) << 8) | bytes[at + 3];
            header = 4;
        } else if (length == 127) {
            if (available - at < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | bytes[at + 2 + i];
            header = 10;
        }
        if (second & 0x80)
            header += 4; // a server never masks; skip a key if one came anyway
        if (quint64(available - at - header) < length)
            break;
        const char *payload = peer.in.constData() + at + header;
        const unsigned char opcode = first & 0x0f;
        const bool fin = first & 0x80;
        if (opcode == 0x1 || opcode == 0x0) {
            if (fin && peer.message.isEmpty() && opcode == 0x1) {
                onText(index, payload, size_t(length));
            } else {
                peer.message.append(payload, qsizetype(length));
                if (fin) {
                    onText(index, peer.message.constData(), size_t(peer.message.size()));
                    peer.message.clear();
                }
            }
        } else if (opcode == 0x9) {
            sendText(peer.fd, QByteArray(payload, qsizetype(length)), 0xA); // pong
        } else if (opcode == 0x8) {
            peer.open = false;
        }
        at += header + qsizetype(length);
    }
    peer.in.remove(0, at);
}

bool EpollClients::open(
    quint16 port, int count, const QByteArray &auth, const QByteArray &subscribe, QString *error)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_peers.resize(size_t(count));
    for (int i = 0; i < count; ++i) {
        Peer &peer = m_peers[size_t(i)];
        if (!handshake(peer, port, error))
            return false;
        sendText(peer.fd, auth);
        if (!awaitType(peer, i, "ready", error))
            return false;
        sendText(peer.fd, subscribe);
        if (!awaitType(peer, i, "subscribed", error))
            return false;
        ::fcntl(peer.fd, F_SETFL, ::fcntl(peer.fd, F_GETFL) | O_NONBLOCK);
        epoll_event event {};
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.u32 = quint32(i);
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, peer.fd, &event);
    }
    return true;
}

void EpollClients::poll(int timeoutMs, const TextHandler &onText)
{
    epoll_event events[256];
    const int ready = ::epoll_wait(m_epoll, events, 256, timeoutMs);
    for (int i = 0; i < ready; ++i) {
        const int index = int(events[i].data.u32);
        Peer &peer = m_peers[size_t(index)];
        if (!peer.open)
            continue;
        const bool alive = readSome(peer);
        parse(index, peer, onText);
        if (!alive || !peer.open) {
            peer.open = false;
            ++m_closed;
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, peer.fd, nullptr);
        }
    }
}
