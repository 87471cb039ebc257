#pragma once

#include "shared/dto/board.h"

namespace corkboard {

class Database;
class JsonWriter;

//! The board snapshot's read path (GET /boards/{id}): SQLite's C API on the thread's connection,
//! each value written from SQLite's UTF-8 straight into the JSON, with no QVariant or QString per
//! value (that path cost ~80% of the snapshot's CPU). The bytes are exactly what
//! writeJson(BoardSnapshot) writes for the same rows.
class SnapshotReader
{
public:
    explicit SnapshotReader(Database &db)
        : m_db(db)
    {
    }

    //! Writes {board, columns, cards, labels, members} for `board` (as findForMember read it,
    //! `seq` set; an empty role is left out) in eight statements, whatever the card count.
    void write(JsonWriter &w, const Board &board, bool includeArchived);

private:
    Database &m_db;
};

} // namespace corkboard
