#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace corkboard {

class JsonWriter;

//! A file attached to a card. The bytes are fetched through a signed URL (POST
//! /attachments/{id}/url), never with the user's token.
struct Attachment
{
    QString id;
    QString cardId;
    QString boardId;
    QString uploaderId;
    QString filename;
    qint64 size = 0;
    QString contentType; //!< sniffed from the bytes by the server
    QString sha256; //!< hex
    //! none (not an image) | pending | ready | refused (too large or not decodable)
    QString thumbnail = QStringLiteral("none");
    QDateTime createdAt;
};

//! What POST /attachments/{id}/url returns.
struct SignedUrl
{
    QString url; //!< path and query, relative to the server's base URL
    QString thumbnailUrl; //!< empty unless a thumbnail is ready
    QDateTime expiresAt;
};

void writeJson(JsonWriter &w, const Attachment &attachment);
Attachment attachmentFromJson(const QJsonObject &o);
void writeJson(JsonWriter &w, const SignedUrl &url);
SignedUrl signedUrlFromJson(const QJsonObject &o);

} // namespace corkboard
