#include "server/http/socket_send.h"

#include "server/platform/send_ring.h"

#include <QAbstractEventDispatcher>
#include <QIODevice>
#include <QPointer>
#include <QTcpSocket>

#include <cerrno>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corkboard {

namespace {

struct Held
{
    QTcpSocket *raw = nullptr; // compared only while `socket` still points at it
    QPointer<QTcpSocket> socket;
    QByteArray bytes;
};

struct SendBatch
{
    bool enabled = false;
    int scopes = 0;
    int groups = 0; //!< open SendGroupScopes
    std::vector<Held> held;
    std::vector<Held> spare; // keeps its capacity between turns of the event loop
    //! Where each socket's latest entry in `held` is: a live event's group holds one entry per
    //! subscriber, and each of them asks whether its socket already has one (a scan made the
    //! fan-out quadratic in the subscribers). Cleared with `held`; keeps its buckets.
    std::unordered_map<const QTcpSocket *, size_t> where;
};

thread_local SendBatch t_batch;

Held *heldFor(QTcpSocket &socket)
{
    const auto it = t_batch.where.find(&socket);
    if (it == t_batch.where.end())
        return nullptr;
    // A stale entry: sent by flushQueued (raw cleared), or its socket died and another one now
    // has the same address.
    Held &held = t_batch.held[it->second];
    return held.raw == &socket && held.socket ? &held : nullptr;
}

void hold(QTcpSocket &socket, const QByteArray &bytes)
{
    t_batch.where[&socket] = t_batch.held.size();
    t_batch.held.push_back(Held {&socket, &socket, bytes});
}

bool plainAndConnected(const QTcpSocket &socket)
{
    // Only a plain TCP socket: a QSslSocket's descriptor carries TLS records, never plain bytes.
    return socket.metaObject() == &QTcpSocket::staticMetaObject
        && socket.state() == QAbstractSocket::ConnectedState;
}

//! The socket's descriptor when bytes may go straight to the kernel (a plain connected socket
//! with nothing unsent in Qt's buffer), else -1.
int directDescriptor(const QTcpSocket &socket)
{
    if (!plainAndConnected(socket) || socket.bytesToWrite() != 0)
        return -1;
    return int(socket.socketDescriptor());
}

//! After a direct send of `item`: what the kernel did not take goes through Qt's buffer (and its
//! own error handling); a send whose fate is unknown ends the connection.
void finishDirect(QTcpSocket &socket, const SendItem &item)
{
    const auto size = qsizetype(item.size);
    const auto taken = qsizetype(item.result);
    if (taken == size)
        return;
    if (taken > 0)
        socket.write(item.data + taken, size - taken);
    else if (item.result == -ECANCELED)
        socket.abort(); // what reached the wire is unknown: the stream cannot go on
    else
        socket.write(item.data, size);
}

void sendNow(QTcpSocket &socket, const QByteArray &bytes)
{
    const int fd = directDescriptor(socket);
    if (fd < 0) {
        socket.write(bytes);
        return;
    }
    SendItem item {fd, bytes.constData(), size_t(bytes.size()), 0};
    sendEachSeparately(&item, 1);
    finishDirect(socket, item);
}

//! Sends a turn's held answers: those that may go straight to the kernel in one go
//! (send_ring.h), every other one through Qt's buffer.
void sendHeld(std::vector<Held> &batch)
{
    thread_local std::vector<SendItem> items;
    thread_local std::vector<Held *> owners;
    items.clear();
    owners.clear();
    for (Held &held : batch) {
        if (!held.socket || held.bytes.isEmpty()) // gone, or already sent by flushQueued
            continue;
        const int fd = directDescriptor(*held.socket);
        if (fd < 0) {
            held.socket->write(held.bytes);
            continue;
        }
        items.push_back(SendItem {fd, held.bytes.constData(), size_t(held.bytes.size()), 0});
        owners.push_back(&held);
    }
    if (items.empty())
        return;
    sendEach(items.data(), items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (owners[i]->socket) // else closed by an abort above (its signals run other code)
            finishDirect(*owners[i]->socket, items[i]);
    }
}

} // namespace

void sendFramed(QTcpSocket &socket, const QByteArray &bytes)
{
    if (!t_batch.held.empty()) {
        if (Held *held = heldFor(socket)) {
            held->bytes += bytes;
            return;
        }
    }
    if (t_batch.groups > 0 && plainAndConnected(socket) && socket.bytesToWrite() == 0) {
        hold(socket, bytes);
        return;
    }
    sendNow(socket, bytes);
}

void enableSendBatching()
{
    if (t_batch.enabled)
        return;
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher)
        return;
    // Emitted by the dispatcher on its own thread, once per turn of a waiting event loop, after
    // everything that was ready has been handled and before it polls again.
    QObject::connect(
        dispatcher, &QAbstractEventDispatcher::aboutToBlock, dispatcher, [] { flushSendBatch(); });
    t_batch.enabled = true;
}

void flushSendBatch()
{
    if (t_batch.held.empty())
        return;
    std::vector<Held> batch;
    batch.swap(t_batch.spare);
    batch.swap(t_batch.held);
    t_batch.where.clear(); // before sending: a socket's signals may hold new bytes meanwhile
    sendHeld(batch);
    batch.clear();
    t_batch.spare.swap(batch);
}

void flushQueued(QTcpSocket &socket)
{
    if (t_batch.held.empty())
        return;
    if (Held *held = heldFor(socket)) {
        held->raw = nullptr; // left in place, skipped by the flush
        const QByteArray bytes = std::exchange(held->bytes, QByteArray());
        sendNow(socket, bytes);
    }
}

void sendResponse(QTcpSocket &socket, const QByteArray &bytes)
{
    // A second answer for a socket that already waits joins it through sendFramed.
    if (t_batch.enabled && t_batch.scopes > 0 && plainAndConnected(socket)
        && socket.bytesToWrite() == 0 && !heldFor(socket)) {
        hold(socket, bytes);
        return;
    }
    sendFramed(socket, bytes);
}

SendBatchScope::SendBatchScope()
{
    ++t_batch.scopes;
}

SendBatchScope::~SendBatchScope()
{
    --t_batch.scopes;
}

SendGroupScope::SendGroupScope()
{
    ++t_batch.groups;
}

SendGroupScope::~SendGroupScope()
{
    if (--t_batch.groups == 0)
        flushSendBatch();
}

namespace {
// Keeps about this much queued in Qt's buffer while a file goes out.
constexpr qint64 kInFlight = 1024 * 1024;
constexpr qint64 kPiece = 256 * 1024;

class FileSender : public QObject
{
public:
    FileSender(QTcpSocket &socket, std::shared_ptr<QIODevice> device, qint64 length)
        : QObject(&socket)
        , m_socket(&socket)
        , m_device(std::move(device))
        , m_left(length)
    {
        connect(&socket, &QTcpSocket::bytesWritten, this, &FileSender::topUp);
    }

    void topUp()
    {
        if (!m_socket)
            return;
        while (m_left > 0 && m_socket->bytesToWrite() < kInFlight) {
            const QByteArray piece = m_device->read(std::min(kPiece, m_left));
            if (piece.isEmpty()) {
                m_left = 0; // the file shrank under us: the peer sees a short body
                m_socket->abort();
                return;
            }
            m_left -= piece.size();
            m_socket->write(piece);
        }
        if (m_left == 0) {
            m_device.reset();
            m_socket->disconnectFromHost(); // after what is queued has gone out
            deleteLater();
        }
    }

private:
    QPointer<QTcpSocket> m_socket;
    std::shared_ptr<QIODevice> m_device;
    qint64 m_left;
};
} // namespace

void sendFile(QTcpSocket &socket, const QByteArray &head, std::shared_ptr<QIODevice> device,
    qint64 offset, qint64 length)
{
    sendFramed(socket, head);
    if (!device->seek(offset)) {
        socket.abort();
        return;
    }
    auto *sender = new FileSender(socket, std::move(device), length);
    sender->topUp();
}

} // namespace corkboard
