#include "server/http/socket_send.h"

#include <QIODevice>
#include <QPointer>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace corkboard {

void sendFramed(QTcpSocket &socket, const QByteArray &bytes)
{
#ifdef Q_OS_UNIX
    // Only a plain TCP socket: a QSslSocket's descriptor carries TLS records, never plain bytes.
    if (socket.metaObject() == &QTcpSocket::staticMetaObject && socket.bytesToWrite() == 0
        && socket.state() == QAbstractSocket::ConnectedState) {
        const int fd = int(socket.socketDescriptor());
        if (fd >= 0) {
            ssize_t sent = -1;
            do {
                sent = ::send(
                    fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
            } while (sent < 0 && errno == EINTR);
            if (sent == bytes.size())
                return;
            if (sent > 0) {
                socket.write(bytes.constData() + sent, bytes.size() - sent);
                return;
            }
            // Nothing taken (a full send buffer, or an error): Qt's buffer and its own error
            // handling take it from here.
        }
    }
#endif
    socket.write(bytes);
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
