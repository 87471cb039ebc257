#include "server/http/socket_send.h"

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

} // namespace corkboard
