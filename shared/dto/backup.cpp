#include "shared/dto/backup.h"

#include "shared/dto/dto_util.h"

namespace corkboard {

void writeJson(JsonWriter &w, const BackupInfo &b)
{
    w.beginObject();
    w.field("name", b.name).field("kind", b.kind).field("size_bytes", b.sizeBytes);
    dto::writeTime(w, "created_at", b.createdAt);
    w.field("schema_version", b.schemaVersion);
    w.endObject();
}

BackupInfo backupInfoFromJson(const QJsonObject &o)
{
    BackupInfo b;
    b.name = dto::str(o, "name");
    b.kind = dto::str(o, "kind");
    b.sizeBytes = dto::integer(o, "size_bytes", 0);
    b.createdAt = dto::time(o, "created_at");
    b.schemaVersion = int(dto::integer(o, "schema_version", 0));
    return b;
}

} // namespace corkboard
