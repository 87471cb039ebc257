#include "tests/support/attachment_world.h"

#include "tests/support/board_api.h"

#include <QRandomGenerator>
#include <QTest>

namespace corkboard::test {

AttachmentWorld::AttachmentWorld(TestServer &s)
    : server(s)
{
    owner = registerUser(server, QStringLiteral("owner@example.com"));
    editor = registerUser(server, QStringLiteral("editor@example.com"));
    viewer = registerUser(server, QStringLiteral("viewer@example.com"));
    outsider = registerUser(server, QStringLiteral("outsider@example.com"));
    BoardApi api {server};
    const auto board = api.createBoard(owner, {editor});
    boardId = board.first;
    columnId = board.second;
    const auto put = httpJson("PUT",
        server.url(QStringLiteral("/api/v1/boards/%1/members/%2").arg(boardId, viewer.userId)),
        {{QStringLiteral("role"), QStringLiteral("viewer")}}, owner.accessToken);
    if (put.status / 100 != 2)
        qWarning("add viewer: %d %s", put.status, put.body.constData());
    cardId = api.createCard(owner, boardId, columnId, QStringLiteral("With files"), {}, QString());
}

QByteArray multipartBody(const QByteArray &boundary, const QByteArray &content,
    const QByteArray &filename, const QByteArray &nameField)
{
    QByteArray body = "--" + boundary + "\r\n";
    if (!nameField.isEmpty()) {
        body += "Content-Disposition: form-data; name=\"filename\"\r\n\r\n" + nameField + "\r\n--"
            + boundary + "\r\n";
    }
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body += content;
    body += "\r\n--" + boundary + "--\r\n";
    return body;
}

QByteArray requestHead(const QByteArray &method, const QString &path, const QString &token,
    qint64 contentLength, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += "Connection: close\r\n\r\n";
    return head;
}

RawResponse uploadMultipart(quint16 port, const QString &cardId, const QString &token,
    const QByteArray &content, const QByteArray &filename)
{
    const QByteArray boundary = "----corkboard-test-boundary";
    const QByteArray body = multipartBody(boundary, content, filename);
    RawClient client;
    if (!client.connectTo(port))
        return {};
    client.send(
        requestHead("POST", QStringLiteral("/api/v1/cards/%1/attachments").arg(cardId), token,
            body.size(), {{"Content-Type", "multipart/form-data; boundary=" + boundary}})
        + body);
    return client.readResponse(30000);
}

QString tusCreate(
    quint16 port, const QString &cardId, const QString &token, qint64 length, int *status)
{
    RawClient client;
    if (!client.connectTo(port))
        return {};
    client.send(requestHead("POST", QStringLiteral("/api/v1/uploads"), token, 0,
        {{"Tus-Resumable", "1.0.0"}, {"Upload-Length", QByteArray::number(length)},
            {"Upload-Metadata",
                "card_id " + cardId.toUtf8().toBase64() + ",filename "
                    + QByteArray("big.bin").toBase64()}}));
    const RawResponse r = client.readResponse(10000);
    if (status)
        *status = r.status;
    return r.status == 201 ? QString::fromLatin1(r.header("Location")) : QString();
}

RawResponse tusPatch(quint16 port, const QString &uploadPath, const QString &token, qint64 offset,
    const QByteArray &bytes, const QByteArray &checksum)
{
    QList<QPair<QByteArray, QByteArray>> headers {{"Tus-Resumable", "1.0.0"},
        {"Upload-Offset", QByteArray::number(offset)},
        {"Content-Type", "application/offset+octet-stream"}};
    if (!checksum.isEmpty())
        headers.append({"Upload-Checksum", "sha256 " + checksum.toBase64()});
    RawClient client;
    if (!client.connectTo(port))
        return {};
    client.send(requestHead("PATCH", uploadPath, token, bytes.size(), headers) + bytes);
    return client.readResponse(30000);
}

qint64 tusOffset(quint16 port, const QString &uploadPath, const QString &token)
{
    RawClient client;
    if (!client.connectTo(port))
        return -1;
    client.send(requestHead("HEAD", uploadPath, token, -1, {{"Tus-Resumable", "1.0.0"}}));
    const RawResponse r = client.readResponse(10000);
    if (r.status != 200)
        return -1;
    return r.header("Upload-Offset").toLongLong();
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(size, Qt::Uninitialized);
    gen.fillRange(reinterpret_cast<quint32 *>(out.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        out[i] = char(gen.bounded(256));
    return out;
}

} // namespace corkboard::test
