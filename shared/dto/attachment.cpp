#include "shared/dto/attachment.h"

#include "shared/dto/dto_util.h"

namespace corkboard {

void writeJson(JsonWriter &w, const Attachment &a)
{
    w.beginObject();
    w.field("id", a.id).field("card_id", a.cardId).field("board_id", a.boardId);
    w.field("uploader_id", a.uploaderId).field("filename", a.filename).field("size", a.size);
    w.field("content_type", a.contentType).field("sha256", a.sha256);
    w.field("thumbnail", a.thumbnail);
    dto::writeTime(w, "created_at", a.createdAt);
    w.endObject();
}

Attachment attachmentFromJson(const QJsonObject &o)
{
    Attachment a;
    a.id = dto::str(o, "id");
    a.cardId = dto::str(o, "card_id");
    a.boardId = dto::str(o, "board_id");
    a.uploaderId = dto::str(o, "uploader_id");
    a.filename = dto::str(o, "filename");
    a.size = dto::integer(o, "size");
    a.contentType = dto::str(o, "content_type");
    a.sha256 = dto::str(o, "sha256");
    a.thumbnail = dto::str(o, "thumbnail");
    a.createdAt = dto::time(o, "created_at");
    return a;
}

void writeJson(JsonWriter &w, const SignedUrl &u)
{
    w.beginObject();
    w.field("url", u.url);
    w.key("thumbnail_url").nullableValue(u.thumbnailUrl.isEmpty() ? QString() : u.thumbnailUrl);
    dto::writeTime(w, "expires_at", u.expiresAt);
    w.endObject();
}

SignedUrl signedUrlFromJson(const QJsonObject &o)
{
    SignedUrl u;
    u.url = dto::str(o, "url");
    u.thumbnailUrl = dto::str(o, "thumbnail_url");
    u.expiresAt = dto::time(o, "expires_at");
    return u;
}

} // namespace corkboard
