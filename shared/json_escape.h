#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace corkboard {

//! Appends `utf8` as a JSON string (quoted and escaped exactly as JsonWriter::value does), for
//! hot paths that hold UTF-8 already (SQLite's text) and would otherwise make a QString per value.
void appendJsonString(QByteArray &out, QByteArrayView utf8);

} // namespace corkboard
