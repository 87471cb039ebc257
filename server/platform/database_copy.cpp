#include "server/platform/database_copy.h"

#include "server/platform/app_error.h"
#include "server/platform/database.h"
#include "server/platform/migrator.h"

#include <QStringList>

namespace corkboard {

namespace {
qint64 scalar(Database &db, const QString &sql)
{
    SqlQuery q(db, sql);
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

// The source's tables in the order they were created (parents before the rows referencing
// them), without SQLite's own, the FTS index (PostgreSQL derives its search columns) and the
// migration bookkeeping (the target's migrator writes its own).
QStringList tablesToCopy(Database &source)
{
    SqlQuery q(source,
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
                       "AND name <> 'schema_migrations' ORDER BY rowid"));
    q.exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QStringList columnsOf(Database &source, const QString &table)
{
    SqlQuery q(source, QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"));
    q.bind(0, table).exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

// A table name from sqlite_master, checked against the target's own tables before it is put
// into SQL text (names cannot be bound).
void requireKnownTable(Database &target, const QString &table)
{
    SqlQuery q(target,
        QStringLiteral("SELECT 1 FROM information_schema.tables WHERE table_schema = "
                       "current_schema() AND table_name = ?"));
    q.bind(0, table).exec();
    if (!q.next())
        throw AppError(ErrorCode::Internal,
            QStringLiteral("table %1 of the SQLite database has no PostgreSQL twin").arg(table));
}

void copyTable(Database &source, Database &target, const QString &table)
{
    const QStringList columns = columnsOf(source, table);
    QStringList placeholders;
    for (qsizetype i = 0; i < columns.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    const QString list = columns.join(QStringLiteral(", "));
    SqlQuery read(source, QStringLiteral("SELECT %1 FROM %2 ORDER BY rowid").arg(list, table));
    read.exec();
    const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(table, list, placeholders.join(QStringLiteral(", ")));
    while (read.next()) {
        SqlQuery write(target, insert);
        for (int i = 0; i < int(columns.size()); ++i)
            write.bind(i, read.value(i));
        write.exec();
    }
}

// Identity columns get their next value past the copied ids (events.seq: the outbox position).
void moveSequences(Database &target)
{
    SqlQuery q(target,
        QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                       "WHERE table_schema = current_schema() AND is_identity = 'YES'"));
    q.exec();
    QList<QPair<QString, QString>> identities;
    while (q.next())
        identities.append({q.value(0).toString(), q.value(1).toString()});
    for (const auto &[table, column] : std::as_const(identities)) {
        SqlQuery move(target,
            QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), "
                           "(SELECT COALESCE(MAX(%1), 0) + 1 FROM %2), false)")
                .arg(column, table));
        move.bind(0, table).bind(1, column).exec();
    }
}
} // namespace

CopyReport copySqliteToPostgres(Database &source, Database &target)
{
    if (source.isPostgres() || !target.isPostgres())
        throw AppError(ErrorCode::Internal, QStringLiteral("copies SQLite into PostgreSQL only"));
    const qint64 existing = scalar(target,
        QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                       "current_schema()"));
    if (existing > 0)
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("the PostgreSQL database is not empty (%1 tables); give an empty one")
                .arg(existing));
    Migrator sourceMigrator(source);
    if (!sourceMigrator.pending().isEmpty())
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("the SQLite database has pending migrations; run --migrate up first"));

    CopyReport report;
    Transaction tx(target); // all or nothing: the migrations' transactions join this one
    Migrator(target).up();
    const QStringList tables = tablesToCopy(source);
    for (const QString &table : tables) {
        requireKnownTable(target, table);
        copyTable(source, target, table);
    }
    // Inserting attachments counted their blobs again (the triggers): the source's counts hold.
    {
        SqlQuery refs(source, QStringLiteral("SELECT sha256, refs FROM blobs"));
        refs.exec();
        while (refs.next()) {
            SqlQuery(target, QStringLiteral("UPDATE blobs SET refs = ? WHERE sha256 = ?"))
                .bind(0, refs.value(1))
                .bind(1, refs.value(0))
                .exec();
        }
    }
    moveSequences(target);
    for (const QString &table : tables) {
        CopyReport::Table t;
        t.name = table;
        t.sourceRows = scalar(source, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        t.targetRows = scalar(target, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (t.sourceRows != t.targetRows)
            throw AppError(ErrorCode::Internal,
                QStringLiteral("%1: %2 rows in SQLite, %3 in PostgreSQL")
                    .arg(table)
                    .arg(t.sourceRows)
                    .arg(t.targetRows));
        report.tables.append(t);
    }
    report.lastEventSeq
        = scalar(target, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"));
    tx.commit();
    return report;
}

} // namespace corkboard
