#include "tests/support/raw_client.h"

#include "shared/tls_fingerprint.h"

#include <QDeadlineTimer>
#include <QSslCertificate>
#include <QThread>

namespace corkboard::test {

QByteArray RawResponse::header(const QByteArray &name) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (const auto &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return QByteArray();
}

bool RawClient::connectEncrypted(quint16 port, QString *fingerprint, int timeoutMs)
{
    m_socket = &m_ssl;
    // A test client: it checks the server's fingerprint itself (like a pinning client does).
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_ssl.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!m_ssl.waitForEncrypted(timeoutMs))
        return false;
    if (fingerprint)
        *fingerprint = certificateFingerprint(m_ssl.peerCertificate().toDer());
    return true;
}

bool RawClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    return m_socket->waitForConnected(timeoutMs);
}

bool RawClient::send(const QByteArray &bytes, int pieceSize, int pauseMs)
{
    const qsizetype step = pieceSize > 0 ? pieceSize : bytes.size();
    for (qsizetype pos = 0; pos < bytes.size(); pos += step) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return false;
        m_socket->write(bytes.mid(pos, step));
        m_socket->waitForBytesWritten(5000);
        if (pauseMs > 0 && pos + step < bytes.size()) {
            // Wait between pieces, but notice an early answer from the server.
            if (m_socket->waitForReadyRead(pauseMs)) {
                m_buffer += m_socket->readAll();
                return false;
            }
        }
    }
    return true;
}

bool RawClient::fill(int timeoutMs)
{
    if (m_socket->bytesAvailable() > 0 || m_socket->waitForReadyRead(timeoutMs)) {
        m_buffer += m_socket->readAll();
        return true;
    }
    m_buffer += m_socket->readAll();
    return false;
}

RawResponse RawClient::readResponse(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    RawResponse r;
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() || !fill(int(std::max<qint64>(1, deadline.remainingTime()))))
            return r;
    }
    r.head = m_buffer.left(end + 2);
    const qint64 length = r.header("Content-Length").toLongLong();
    while (m_buffer.size() < end + 4 + length) {
        if (deadline.hasExpired() || !fill(int(std::max<qint64>(1, deadline.remainingTime()))))
            return r;
    }
    r.body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, end + 4 + length);
    if (r.head.startsWith("HTTP/1.1 ") || r.head.startsWith("HTTP/1.0 "))
        r.status = r.head.mid(9, 3).toInt();
    return r;
}

bool RawClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return false;
        if (m_socket->waitForReadyRead(
                int(std::max<qint64>(1, std::min<qint64>(100, deadline.remainingTime())))))
            m_buffer += m_socket->readAll();
    }
    return true;
}

} // namespace corkboard::test
