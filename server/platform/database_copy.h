#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace corkboard {

class Database;

//! Rows per table after a copy, as counted in the source and in the target.
struct CopyReport
{
    struct Table
    {
        QString name;
        qint64 sourceRows = 0;
        qint64 targetRows = 0;
    };
    QList<Table> tables;
    qint64 lastEventSeq = 0; //!< the outbox position carried over
};

//! `corkboard --migrate-to`: copies every table of a migrated SQLite database into an empty
//! PostgreSQL database (the schema first, by the PostgreSQL migrations), in one transaction:
//! rows in creation order, identity sequences moved past the copied ids (the outbox position
//! included), blob reference counts as the source has them. Throws AppError(Conflict) when the
//! target already holds tables, AppError(Internal) when a count differs after the copy (nothing
//! is committed then).
CopyReport copySqliteToPostgres(Database &source, Database &target);

} // namespace corkboard
