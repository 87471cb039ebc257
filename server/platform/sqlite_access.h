#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <memory>

class QSqlQuery;

struct sqlite3;
struct sqlite3_stmt;

namespace corkboard {

class Database;

//! SQLite's C API on a Database's connection (the one QtSql opened), for hot reads.
sqlite3 *sqliteHandle(Database &db);

//! A hot read without QtSql's per-value QVariant path (on PostgreSQL it runs through QtSql: the
//! same SQL with `?` placeholders, prepared once per connection): prepared once per connection (the
//! SQL must be a string literal: its address keys the connection's cache), read column by column as
//! UTF-8. Counts as one statement (Database::statementCount); reset when it goes out of scope.
class Statement
{
public:
    Statement(Database &db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement &bind(int position, const QString &text); //!< 1-based, as in SQLite
    //! Next row: true while there is one; throws AppError on a database error.
    bool next();
    bool isNull(int column) const;
    qint64 integer(int column) const;
    //! The column's text as UTF-8, valid until the next next(); empty for NULL.
    QByteArrayView text(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    const char *m_sql;
    QList<QByteArray> m_bound;
    std::unique_ptr<QSqlQuery> m_query; // PostgreSQL
    bool m_executed = false;
    bool m_failed = false;
    mutable QHash<int, QByteArray> m_texts; // PostgreSQL: this row's texts, as UTF-8
};

//! Process-wide count of commits by this process's connections, bumped once the change is visible
//! to readers (SQLite's WAL hook): a cached read made before a change compares unequal after it.
quint64 databaseWriteGeneration();
//! Counts a commit where no WAL hook does (PostgreSQL).
void bumpWriteGeneration();

//! Process-wide count of times SQLite's busy handler ran on this process's connections (another
//! connection held the write lock). Write transactions of one process are serialized in-process
//! (Transaction waits for the file's single writer first), so only another process (the worker)
//! can make it grow.
qint64 databaseBusyWaits();

} // namespace corkboard
