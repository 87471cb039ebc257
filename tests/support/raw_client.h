#pragma once

#include <QByteArray>
#include <QList>
#include <QSslSocket>
#include <QString>
#include <QTcpSocket>

namespace corkboard::test {

//! One HTTP/1.1 response as read off the wire.
struct RawResponse
{
    int status = 0; //!< 0: nothing complete arrived
    QByteArray head; //!< status line and headers
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
};

//! A blocking loopback socket for writing exact bytes (split, trickled, pipelined) and reading
//! responses one by one; for the connection guard and lifecycle tests.
class RawClient
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000);
    //! HTTPS instead: a completed TLS handshake (any certificate); `fingerprint` gets the
    //! server certificate's ("AB:CD:…").
    bool connectEncrypted(quint16 port, QString *fingerprint = nullptr, int timeoutMs = 5000);
    //! Writes the bytes in pieces of `pieceSize` (0: at once) with `pauseMs` between pieces;
    //! stops early (returning false) when the server has answered or closed meanwhile.
    bool send(const QByteArray &bytes, int pieceSize = 0, int pauseMs = 0);
    //! Reads one complete response (Content-Length framed).
    RawResponse readResponse(int timeoutMs = 5000);
    //! True once the server closed the connection (reads and discards anything else).
    bool waitForClose(int timeoutMs = 5000);
    QTcpSocket &socket() { return *m_socket; }

private:
    bool fill(int timeoutMs);
    QTcpSocket m_plain;
    QSslSocket m_ssl;
    QTcpSocket *m_socket = &m_plain;
    QByteArray m_buffer;
};

} // namespace corkboard::test
