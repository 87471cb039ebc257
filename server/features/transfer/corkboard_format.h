#pragma once

#include "server/features/transfer/import_plan.h"

#include <QJsonObject>

namespace corkboard {

class DocumentReader;

//! Our own board export document (format "corkboard.board-export", version 1; JSON Schema in
//! server/openapi/board-export.schema.json). Documents refer to columns and labels by keys local
//! to the document and to people by e-mail, so a board moves between servers.
namespace corkboard_format {

constexpr int kFormatVersion = 1;
inline QString boardFormat()
{
    return QStringLiteral("corkboard.board-export");
}
inline QString instanceFormat()
{
    return QStringLiteral("corkboard.instance-export");
}

//! The document for one board (columns/labels get keys "column-N"/"label-N").
QJsonObject write(const ImportPlan &board, const QDateTime &exportedAt);
//! True when the document says it is ours (then read() applies).
bool isOurs(const QJsonObject &document);
//! Reads and validates our document into a plan; problems are recorded in `reader`.
ImportPlan read(const QJsonObject &document, DocumentReader &reader);

} // namespace corkboard_format
} // namespace corkboard
