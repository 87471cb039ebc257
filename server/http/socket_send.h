#pragma once

#include <QByteArray>
#include <memory>

class QIODevice;

class QTcpSocket;

namespace corkboard {

//! Writes bytes that are ready for the wire (a whole HTTP response, a WebSocket or SSE frame). When
//! Qt holds nothing unsent for the socket, they go straight to the kernel: one send(2), no copy
//! into Qt's buffer and no write-notifier round trip through the event loop (per live socket per
//! event, and per response, that round trip cost more than the send). Whatever the kernel does not
//! take, and everything for a TLS socket, goes through QTcpSocket::write as before, so the order
//! of bytes on the wire and the socket's backlog (bytesToWrite) keep their meaning.
//! If a response waits in this thread's batch for the socket (sendResponse), the bytes join it,
//! behind it.
void sendFramed(QTcpSocket &socket, const QByteArray &bytes);

//! Response batching, per server thread. A server thread answers every request that is ready
//! before it polls again; sending each answer the moment it is built woke the peer once per
//! answer (on loopback that wake-up was a fifth of a small request's cost). With batching on,
//! a whole response written inside a SendBatchScope waits until the thread's event loop is about
//! to block, and that batch then goes out back to back: the same bytes, in the same order per
//! connection, sent before the thread sleeps.
//!
//! Turns batching on for the calling thread; it needs the thread's own event loop (a thread
//! that spins processEvents without waiting never reaches the flush), so only server threads
//! call it.
void enableSendBatching();
//! Sends every response this thread still holds back (a server thread about to stop).
void flushSendBatch();
//! Sends what this thread holds back for the socket now: before anything that is not a
//! sendFramed/sendResponse write touches it (Qt's own buffer, a close, a file, a handshake).
void flushQueued(QTcpSocket &socket);
//! A whole response: held back for the batch when the calling thread batches, a SendBatchScope
//! is open and the socket is a plain connected one with nothing else unsent; otherwise sendFramed.
void sendResponse(QTcpSocket &socket, const QByteArray &bytes);

//! While one lives on this thread, sendResponse may hold responses back. Opened only around an
//! answer written while the connection reads nothing else in the same turn of the event loop.
class SendBatchScope
{
public:
    SendBatchScope();
    ~SendBatchScope();
    SendBatchScope(const SendBatchScope &) = delete;
    SendBatchScope &operator=(const SendBatchScope &) = delete;
};

//! Sending one thing to many connections (a live event to every subscriber): while one lives on
//! this thread, what sendFramed writes for a plain socket with nothing else unsent is held as
//! well, and when the outermost one ends everything the thread holds goes out together (one
//! submission, send_ring.h) — the last subscriber's frame leaves as soon as the first one's.
//! Code that writes to a connection by other means inside it (a close frame, a ping, a
//! disconnect) calls flushQueued for that socket first.
class SendGroupScope
{
public:
    SendGroupScope();
    ~SendGroupScope();
    SendGroupScope(const SendGroupScope &) = delete;
    SendGroupScope &operator=(const SendGroupScope &) = delete;
};

//! Sends `head` and then `length` bytes of `device` from `offset`, topping up the socket's
//! queue as the peer reads (about 1 MiB in flight, never the whole file), then closes the
//! connection. The device lives as long as the transfer.
void sendFile(QTcpSocket &socket, const QByteArray &head, std::shared_ptr<QIODevice> device,
    qint64 offset, qint64 length);

} // namespace corkboard
