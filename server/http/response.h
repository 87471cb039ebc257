#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

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
