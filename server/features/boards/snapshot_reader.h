#pragma once

#include "shared/dto/board.h"

#include <QByteArray>

namespace corkboard {

class Database;

//! The board snapshot's read path (GET /boards/{id}): SQLite's C API on the thread's connection,
//! each value copied from SQLite's UTF-8 straight into the JSON bytes, with no QVariant or QString
//! per value (that path was most of the snapshot's CPU). The bytes are exactly what
//! writeJson(BoardSnapshot) writes for the same rows (tests and the benchmarks compare them).
class SnapshotReader
{
public:
    explicit SnapshotReader(Database &db)
        : m_db(db)
    {
    }

    //! Appends {board, columns, cards, labels, members} for `board` (as findForMember read it,
    //! `seq` set; an empty role is left out) in eight statements, whatever the card count.
    void write(QByteArray &out, const Board &board, bool includeArchived);

private:
    Database &m_db;
};

} // namespace corkboard
