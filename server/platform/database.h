#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <atomic>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace corkboard {

struct Config;

//! The two engines: SQLite (one file, the default) and PostgreSQL
//! (CORKBOARD_DATABASE_URL=postgres://…).
enum class SqlEngine
{
    Sqlite,
    Postgres
};

//! One thread's connection to the database (SQLite: WAL, foreign keys, busy timeout;
//! PostgreSQL: QPSQL with a connect timeout, reopened after the server dropped it).
class Database
{
public:
    //! Opens a connection with a unique name; throws AppError(Unavailable) when it cannot.
    Database(const Config &config, const QString &connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &handle() { return m_db; }
    //! SQLite: the file. PostgreSQL: the URL without password (keys the in-process writer lock).
    const QString &path() const { return m_path; }
    SqlEngine engine() const { return m_engine; }
    bool isPostgres() const { return m_engine == SqlEngine::Postgres; }
    //! PostgreSQL: after the server dropped the connection (a restart), opens it again; called
    //! before a statement or transaction starts outside a transaction. Throws
    //! AppError(Unavailable) while the server cannot be reached. No-op on SQLite.
    void reconnectIfLost();
    //! PostgreSQL: whether libpq says the connection is gone (checked after a failure).
    bool connectionLost();
    //! Test seam: how many statements were executed through SqlQuery on this connection.
    qint64 statementCount() const { return m_statements; }
    void countStatement() { ++m_statements; }
    //! True while a Transaction (or a write-lane batch) is open on this connection.
    bool inTransaction() const { return m_txDepth > 0 || m_batch; }

    //! The write lane (SQLite): several requests in one write transaction. beginBatch takes the
    //! process's writer and begins (throws AppError(Unavailable) like a Transaction); each request
    //! runs between beginJob and endJob, inside a savepoint that its Transactions join, so a
    //! request that fails (or abandons a Transaction) undoes only what it wrote; commitBatch
    //! commits, lets the writer go, then runs what the batch's requests left for afterCommit.
    void beginBatch();
    void beginJob();
    //! `ok`: the request succeeded and keeps what it wrote. False when the batch is broken (the
    //! savepoint could not be released or rolled back): only rollbackBatch is left.
    bool endJob(bool ok);
    //! False when the COMMIT failed: the batch was rolled back and nothing of it is written.
    bool commitBatch();
    void rollbackBatch();
    //! Runs `f` now; inside a write-lane request, once its batch has committed (never if the
    //! request or the batch is rolled back). For what others may only see once it is written.
    void afterCommit(std::function<void()> f);
    //! This SQL prepared on this connection: the connection's cached statement when it is idle
    //! (prepared once, reused: parsing was a large part of every write), else a fresh one. Give it
    //! back with releaseQuery. Throws like SqlQuery when the SQL does not prepare.
    std::unique_ptr<QSqlQuery> takeQuery(const QString &sql);
    //! Resets the statement (no lock or read snapshot stays behind) and keeps it for the next use.
    void releaseQuery(const QString &sql, std::unique_ptr<QSqlQuery> query);
    //! PostgreSQL: whether this SQL cannot be prepared (BEGIN, COMMIT, SET, DDL) and runs as text.
    bool runsUnprepared(const QString &sql) const;
    //! Executes a query from takeQuery (prepared, or as text when runsUnprepared).
    bool run(QSqlQuery &query, const QString &sql);
    //! Runs one statement through the cache with no result rows (BEGIN, COMMIT …).
    bool execControl(const QString &sql, QString *error = nullptr);

private:
    friend class Transaction;
    //! Takes the process's writer for this database and begins a write transaction; throws
    //! AppError (the writer let go again) when either fails.
    void lockAndBegin();
    void openPostgres();
    QSqlDatabase m_db;
    QString m_name;
    QString m_path;
    SqlEngine m_engine = SqlEngine::Sqlite;
    QString m_url; // PostgreSQL
    QString m_password; // PostgreSQL, never logged
    bool m_lost = false;
    qint64 m_statements = 0;
    int m_txDepth = 0;
    bool m_batch = false; // a write-lane batch is open (BEGIN IMMEDIATE, writer held)
    bool m_inJob = false; // a write-lane request is running (its savepoint is open)
    bool m_jobAbandoned = false; // a Transaction of the request ended without commit
    std::vector<std::function<void()>> m_afterCommit;
    size_t m_jobCallbacks = 0; // m_afterCommit's size when the request began
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_idleQueries;
};

//! A prepared statement; every failure throws a logged AppError(Internal) (or Conflict on a
//! unique-constraint violation) so no transaction commits after a failed write.
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
    QString m_sql;
    std::unique_ptr<QSqlQuery> m_query; // forward-only, borrowed from the connection's cache
    bool m_failed = false;
};

//! BEGIN IMMEDIATE (PostgreSQL: BEGIN, read committed) … COMMIT; rolls back in the destructor
//! unless committed. Nested use joins the outer transaction.
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
