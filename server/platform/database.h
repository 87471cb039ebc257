#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <atomic>
#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;
class QMutex;

namespace corkboard {

struct Config;

//! One thread's connection to the database (SQLite: WAL, foreign keys, busy timeout).
//! Write transactions of one process are serialized in-process (one writer at a time per
//! database file, waiting on a mutex), so no connection of this process ever sleeps in SQLite's
//! busy handler behind another; reads stay parallel under WAL.
class Database
{
public:
    //! Opens a connection with a unique name; throws AppError(Unavailable) when it cannot.
    Database(const Config &config, const QString &connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &handle() { return m_db; }
    const QString &path() const { return m_path; }
    //! Test seam: how many statements were executed through SqlQuery on this connection.
    qint64 statementCount() const { return m_statements; }
    void countStatement() { ++m_statements; }
    //! True while a Transaction is open on this connection.
    bool inTransaction() const { return m_txDepth > 0; }
    //! The SQLite connection QtSql owns (never null once constructed).
    sqlite3 *sqlite() const { return m_sqlite; }
    //! How often SQLite's busy handler ran on this connection (another connection held the
    //! write lock): with the in-process writer queue only another process can cause it.
    qint64 busyWaits() const { return m_busyWaits; }
    //! Process-wide count of commits by this process's connections (all files), bumped once the
    //! change is visible: a cached read made before a change compares unequal after it.
    static quint64 writeGeneration();

private:
    friend class Transaction;
    friend class Statement;
    static int onBusy(void *self, int count);
    static int onWalCommit(void *, sqlite3 *handle, const char *dbName, int pages);
    sqlite3 *m_sqlite = nullptr;
    QMutex *m_writer = nullptr; //!< this file's process-wide writer lock (never freed)
    std::atomic<qint64> m_busyWaits {0};
    QHash<const char *, sqlite3_stmt *> m_cachedStatements; //!< Statement's, by SQL literal
    friend class SqlQuery;
    struct PreparedQuery
    {
        QSqlQuery query;
        bool inUse = false;
    };
    std::unordered_map<QString, std::unique_ptr<PreparedQuery>> m_prepared; //!< SqlQuery's
    QSqlDatabase m_db;
    QString m_name;
    QString m_path;
    qint64 m_statements = 0;
    int m_txDepth = 0;
};

//! A prepared statement; every failure throws a logged AppError(Internal) (or Conflict on a
//! unique-constraint violation) so no transaction commits after a failed write. Prepared once per
//! connection and SQL text, then reused (a statement already in use is prepared afresh).
class SqlQuery
{
public:
    SqlQuery(Database &db, const QString &sql);
    ~SqlQuery();
    SqlQuery(const SqlQuery &) = delete;
    SqlQuery &operator=(const SqlQuery &) = delete;
    SqlQuery &bind(const QString &name, const QVariant &value);
    SqlQuery &bind(int position, const QVariant &value);
    SqlQuery &exec();
    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    QVariant value(const QString &name) const { return m_query->value(name); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    QVariant lastInsertId() const { return m_query->lastInsertId(); }
    QSqlQuery &raw() { return *m_query; }

private:
    Database &m_db;
    Database::PreparedQuery *m_cached = nullptr; //!< null: m_own is used
    QSqlQuery m_own;
    QSqlQuery *m_query = nullptr;
    QString m_sql;
};

//! A hot read on SQLite's C API: prepared once per connection (the SQL must be a string literal,
//! it keys the cache), read column by column as UTF-8 without QtSql's per-value QVariant path.
//! Counts as one statement; reset (and its bindings cleared) when it goes out of scope.
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
};

//! BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless committed. Nested use joins
//! the outer transaction.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_outer = false;
    bool m_done = false;
};

//! Executes a script of statements separated by ';' at line ends (triggers kept whole).
void execScript(Database &db, const QString &script);
//! Splits a script into statements (exposed for tests).
QStringList splitSqlScript(const QString &script);

} // namespace corkboard
