#pragma once

// The small seam between the two engines: the few places where SQLite and PostgreSQL need
// different SQL. Everything else in the repositories is SQL both run (positional or named
// placeholders, ON CONFLICT … DO, RETURNING, COALESCE, LIMIT/OFFSET, integers 0/1 for flags,
// RFC 3339 text for times, lower-cased e-mail in email_normalized).

#include "server/platform/database.h"

#include <QString>

namespace corkboard::sql {

//! The values of `column` joined with ',' (an aggregate): group_concat on SQLite, string_agg on
//! PostgreSQL.
inline QString groupConcat(SqlEngine engine, const char *column)
{
    return QStringLiteral("%1(%2, ',')")
        .arg(engine == SqlEngine::Postgres ? QLatin1String("string_agg")
                                           : QLatin1String("group_concat"),
            QLatin1String(column));
}

//! A statement per engine, built once from a template whose %1, %2 … the engine fills in.
template<typename Build>
const QString &perEngine(const Database &db, Build build)
{
    static const QString sqlite = build(SqlEngine::Sqlite);
    static const QString postgres = build(SqlEngine::Postgres);
    return db.isPostgres() ? postgres : sqlite;
}

//! Counts the tables named by the one bound value (0 or 1).
inline QString countTablesNamed(const Database &db)
{
    return db.isPostgres()
        ? QStringLiteral("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_schema = current_schema() AND table_name = ?")
        : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
}

//! Appended to a claim's inner SELECT: PostgreSQL passes over rows another worker's transaction
//! holds (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time, so nothing.
inline QString skipLocked(const Database &db)
{
    return db.isPostgres() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
}

//! Starts a read transaction: one snapshot for every statement in it (SQLite's deferred BEGIN
//! is one already; PostgreSQL's default, read committed, is not).
inline QString beginRead(const Database &db)
{
    return db.isPostgres() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ")
                           : QStringLiteral("BEGIN");
}

} // namespace corkboard::sql
