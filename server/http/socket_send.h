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
void sendFramed(QTcpSocket &socket, const QByteArray &bytes);

//! Sends `head` and then `length` bytes of `device` from `offset`, topping up the socket's
//! queue as the peer reads (about 1 MiB in flight, never the whole file), then closes the
//! connection. The device lives as long as the transfer.
void sendFile(QTcpSocket &socket, const QByteArray &head, std::shared_ptr<QIODevice> device,
    qint64 offset, qint64 length);

} // namespace corkboard
