#pragma once

#include "server/features/transfer/import_plan.h"

#include <QJsonObject>

namespace corkboard {

class DocumentReader;

//! A board as Trello's "Export as JSON" writes it (board → lists, cards, labels, checklists,
//! members, actions). Lists become columns, commentCard actions become comments, closed lists
//! and cards are imported archived; what has no place here is reported as skipped.
namespace trello_format {

//! True when the document looks like a Trello board export.
bool looksLikeTrello(const QJsonObject &document);
//! Reads and validates it into a plan; problems are recorded in `reader`.
ImportPlan read(const QJsonObject &document, DocumentReader &reader);
//! Trello's label colour names (green, sky, …, and their _dark/_light shades) as #rrggbb;
//! empty for a name Trello does not use.
QString labelColor(const QString &trelloColor);

} // namespace trello_format
} // namespace corkboard
