#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <memory>

class QIODevice;

namespace corkboard {

//! Our own response: status, headers and a body already encoded.
struct Response
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    //! The handler took the connection over (SSE, WebSocket): the kernel writes nothing.
    bool takenOver = false;
    //! A body read from a device (downloads): `fileLength` bytes from `fileOffset`, sent in
    //! pieces as the peer takes them (never whole in memory); the connection closes after it.
    std::shared_ptr<QIODevice> file;
    qint64 fileOffset = 0;
    qint64 fileLength = 0;

    static Response json(int status, QByteArray body);
    //! {"data": <json>} with the given status.
    static Response data(int status, const QByteArray &json);
    static Response noContent();
    static Response text(int status, QByteArray body, QByteArray contentType);
    static Response takeOver();

    Response &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

} // namespace corkboard
