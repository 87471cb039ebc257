#pragma once

#include "tests/support/auth_helpers.h"
#include "tests/support/raw_client.h"

#include <QByteArray>
#include <QString>

namespace corkboard::test {

//! One board with an owner, an editor, a viewer and an outsider, and a card on it; for the
//! attachment tests.
struct AttachmentWorld
{
    explicit AttachmentWorld(TestServer &server);

    TestServer &server;
    RegisteredUser owner;
    RegisteredUser editor;
    RegisteredUser viewer;
    RegisteredUser outsider;
    QString boardId;
    QString columnId;
    QString cardId;
};

//! A multipart/form-data body with one "file" part (and an optional "filename" text part).
QByteArray multipartBody(const QByteArray &boundary, const QByteArray &content,
    const QByteArray &filename, const QByteArray &nameField = QByteArray());

//! The head of a request (request line, Host, the headers given, Content-Length, blank line).
QByteArray requestHead(const QByteArray &method, const QString &path, const QString &token,
    qint64 contentLength, const QList<QPair<QByteArray, QByteArray>> &headers = {});

//! POST /cards/{id}/attachments as multipart over a raw socket; the response (the connection
//! closes after it).
RawResponse uploadMultipart(quint16 port, const QString &cardId, const QString &token,
    const QByteArray &content, const QByteArray &filename);

//! tus: POST /uploads for `cardId`; the upload's path ("/api/v1/uploads/<id>"), empty on refusal
//! (then *status says why).
QString tusCreate(quint16 port, const QString &cardId, const QString &token, qint64 length,
    int *status = nullptr);
//! tus: PATCH `bytes` at `offset` (checksum: raw SHA-256 to send, or empty).
RawResponse tusPatch(quint16 port, const QString &uploadPath, const QString &token, qint64 offset,
    const QByteArray &bytes, const QByteArray &checksum = QByteArray());
//! tus: HEAD → Upload-Offset (-1 when the upload is not there).
qint64 tusOffset(quint16 port, const QString &uploadPath, const QString &token);

//! Random bytes (deterministic per seed).
QByteArray randomBytes(qint64 size, quint32 seed = 1);

} // namespace corkboard::test
