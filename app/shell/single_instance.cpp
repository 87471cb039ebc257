#include "app/shell/single_instance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

#include <memory>

namespace corkboard::ui {

namespace {
constexpr qint64 kMaxMessage = 16 * 1024;
const QByteArray kAck = QByteArrayLiteral("ok\n");
} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    const QByteArray hash
        = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_path = QDir(dir).filePath(QStringLiteral("corkboard-") + QString::fromLatin1(hash));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::forward(const QStringList &messages, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray out;
    for (const QString &m : messages)
        out += m.simplified().toUtf8() + '\n'; // one line each
    out += '\n'; // the end
    if (out.size() > kMaxMessage)
        return false;
    socket.write(out);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    QByteArray answer;
    while (answer.size() < kAck.size() && socket.waitForReadyRead(timeoutMs))
        answer += socket.readAll();
    return answer.startsWith(kAck);
}

bool SingleInstance::listen()
{
    if (m_server)
        return true;
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_path)) {
        // A socket left by a program that died: nobody answers on it, so it may go.
        if (server->serverError() == QAbstractSocket::AddressInUseError && !forward({}, 500)) {
            QLocalServer::removeServer(m_path);
            if (!server->listen(m_path)) {
                delete server;
                return false;
            }
        } else {
            delete server;
            return false;
        }
    }
    m_server = server;
    connect(server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QLocalSocket::readyRead, this, [this, socket, buffer] {
                *buffer += socket->readAll();
                if (buffer->size() > kMaxMessage) {
                    socket->abort();
                    return;
                }
                const qsizetype end = buffer->indexOf("\n\n");
                if (end < 0 && *buffer != "\n")
                    return;
                QStringList messages;
                const QByteArray body = end < 0 ? QByteArray() : buffer->left(end);
                for (const QByteArray &line : body.split('\n')) {
                    if (!line.isEmpty())
                        messages << QString::fromUtf8(line);
                }
                buffer->clear();
                socket->write(kAck);
                socket->flush();
                socket->disconnectFromServer();
                if (!messages.isEmpty())
                    Q_EMIT received(messages);
            });
        }
    });
    return true;
}

} // namespace corkboard::ui
