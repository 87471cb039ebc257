#include "server/platform/database.h"

#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/log.h"

#include "server/platform/sqlite_access.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <atomic>
#include <sqlite3.h>

namespace corkboard {

namespace {
[[noreturn]] void fail(const QSqlError &error, const QString &sql)
{
    const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
    if (text.contains(QLatin1String("UNIQUE constraint failed"))) {
        throw AppError(
            ErrorCode::Conflict, QStringLiteral("a record with these values already exists"));
    }
    logging::write(lcDb(), QtCriticalMsg, QStringLiteral("database statement failed"),
        {{QStringLiteral("error"), text}, {QStringLiteral("sql"), sql.left(200)}});
    if (text.contains(QLatin1String("database is locked"))
        || text.contains(QLatin1String("unable to open")))
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the database is busy or unavailable"));
    throw AppError(ErrorCode::Internal, QStringLiteral("database error"));
}

constexpr int kBusyTimeoutMs = 5000;
std::atomic<quint64> g_writeGeneration {0};
std::atomic<qint64> g_busyWaits {0};

// One writer lock per database file for the whole process (a handful of files: never freed).
QMutex *writerLockFor(const QString &path)
{
    static QMutex registryLock;
    static QHash<QString, QMutex *> locks;
    QMutexLocker guard(&registryLock);
    QMutex *&lock = locks[path];
    if (!lock)
        lock = new QMutex;
    return lock;
}

// Statement's prepared statements, per connection (each connection is used by one thread, but
// the registry itself is shared).
QMutex g_statementsLock;
QHash<sqlite3 *, QHash<const char *, sqlite3_stmt *>> g_statements;

sqlite3 *handleOf(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

// Another process (the worker) holds the write lock: wait in short steps up to the timeout,
// instead of SQLite's default back-off that sleeps up to 100 ms a step.
int onBusy(void *, int count)
{
    ++g_busyWaits;
    if (count >= 10 + (kBusyTimeoutMs - 10) / 5)
        return 0;
    QThread::msleep(count < 10 ? 1 : 5);
    return 1;
}

// Runs after every commit of the connection has reached the WAL (the change is visible to
// readers), from a Transaction or a single autocommit statement alike. Installing it replaces
// SQLite's auto-checkpoint hook, so it checkpoints the same way (at 1000 WAL pages).
int onWalCommit(void *, sqlite3 *handle, const char *dbName, int pages)
{
    g_writeGeneration.fetch_add(1, std::memory_order_acq_rel);
    if (pages >= 1000)
        sqlite3_wal_checkpoint(handle, dbName);
    return SQLITE_OK;
}

[[noreturn]] void failSqlite(sqlite3 *handle, int rc, const char *sql)
{
    const QString text = QString::fromUtf8(sqlite3_errmsg(handle));
    logging::write(lcDb(), QtCriticalMsg, QStringLiteral("database statement failed"),
        {{QStringLiteral("error"), text},
            {QStringLiteral("sql"), QString::fromUtf8(sql).left(200)}});
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the database is busy or unavailable"));
    throw AppError(ErrorCode::Internal, QStringLiteral("database error"));
}
} // namespace

quint64 databaseWriteGeneration()
{
    return g_writeGeneration.load(std::memory_order_acquire);
}

qint64 databaseBusyWaits()
{
    return g_busyWaits.load();
}

sqlite3 *sqliteHandle(Database &db)
{
    return handleOf(db.handle());
}

Statement::Statement(Database &db, const char *sql)
    : m_db(db)
    , m_sql(sql)
{
    sqlite3 *handle = sqliteHandle(db);
    {
        QMutexLocker guard(&g_statementsLock);
        m_stmt = g_statements[handle].value(sql);
    }
    if (!m_stmt) {
        const int rc
            = sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
        if (rc != SQLITE_OK)
            failSqlite(handle, rc, sql);
        QMutexLocker guard(&g_statementsLock);
        g_statements[handle].insert(sql, m_stmt);
    }
    m_db.countStatement();
}

Statement::~Statement()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

Statement &Statement::bind(int position, const QString &text)
{
    // Bound without a copy (SQLite's "static" destructor, null): the bytes live in m_bound until
    // the statement is reset.
    m_bound.append(text.toUtf8());
    const QByteArray &utf8 = m_bound.last();
    const int rc = sqlite3_bind_text(m_stmt, position, utf8.constData(), int(utf8.size()), nullptr);
    if (rc != SQLITE_OK)
        failSqlite(sqlite3_db_handle(m_stmt), rc, m_sql);
    return *this;
}

bool Statement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    failSqlite(sqlite3_db_handle(m_stmt), rc, m_sql);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArrayView Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
}

Database::Database(const Config &config, const QString &connectionName)
    : m_name(connectionName)
    , m_path(config.sqlitePath())
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        logging::write(lcDb(), QtCriticalMsg, QStringLiteral("cannot open database"),
            {{QStringLiteral("error"), m_db.lastError().text()}});
        throw AppError(ErrorCode::Unavailable, QStringLiteral("cannot open the database"));
    }
    QSqlQuery q(m_db);
    for (const char *pragma :
        {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
            "PRAGMA busy_timeout=5000", "PRAGMA mmap_size=268435456", "PRAGMA cache_size=-16384"}) {
        if (!q.exec(QLatin1String(pragma)))
            fail(q.lastError(), QLatin1String(pragma));
    }
    sqlite3 *handle = handleOf(m_db);
    if (!handle)
        throw AppError(ErrorCode::Unavailable, QStringLiteral("cannot open the database"));
    // Replaces the busy_timeout handler set above (same timeout, finer steps, counted).
    sqlite3_busy_handler(handle, &onBusy, nullptr);
    sqlite3_wal_hook(handle, &onWalCommit, nullptr);
}

Database::~Database()
{
    if (sqlite3 *handle = handleOf(m_db)) {
        QMutexLocker guard(&g_statementsLock);
        for (sqlite3_stmt *stmt : g_statements.take(handle))
            sqlite3_finalize(stmt);
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

SqlQuery::SqlQuery(Database &db, const QString &sql)
    : m_db(db)
    , m_query(db.handle())
    , m_sql(sql)
{
    if (!m_query.prepare(sql))
        fail(m_query.lastError(), sql);
}

SqlQuery &SqlQuery::bind(const QString &name, const QVariant &value)
{
    m_query.bindValue(name, value);
    return *this;
}

SqlQuery &SqlQuery::bind(int position, const QVariant &value)
{
    m_query.bindValue(position, value);
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    m_db.countStatement();
    if (!m_query.exec())
        fail(m_query.lastError(), m_sql);
    return *this;
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (m_db.m_txDepth++ > 0)
        return; // joins the outer transaction
    m_outer = true;
    // The process's single writer for this file: wait here (queued in-process), never in
    // SQLite's busy handler behind another of our own connections. Reads stay parallel (WAL).
    QMutex *writer = writerLockFor(m_db.path());
    if (!writer->tryLock(kBusyTimeoutMs)) {
        --m_db.m_txDepth;
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the database is busy or unavailable"));
    }
    QSqlQuery q(m_db.handle());
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        --m_db.m_txDepth;
        writer->unlock();
        fail(q.lastError(), QStringLiteral("BEGIN IMMEDIATE"));
    }
}

Transaction::~Transaction()
{
    if (!m_done && m_outer) {
        QSqlQuery q(m_db.handle());
        q.exec(QStringLiteral("ROLLBACK"));
        writerLockFor(m_db.path())->unlock();
    }
    --m_db.m_txDepth;
}

void Transaction::commit()
{
    if (m_done)
        return;
    if (m_outer) {
        QSqlQuery q(m_db.handle());
        if (!q.exec(QStringLiteral("COMMIT")))
            fail(q.lastError(), QStringLiteral("COMMIT")); // the destructor rolls back, unlocks
        writerLockFor(m_db.path())->unlock();
    }
    m_done = true;
}

QStringList splitSqlScript(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const auto lines = script.split(QLatin1Char('\n'));
    for (const auto &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        if (current.isEmpty()
            && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += rawLine + QLatin1Char('\n');
        const bool ends = inTrigger ? line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                    : line.endsWith(QLatin1Char(';'));
        if (ends) {
            statements.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

void execScript(Database &db, const QString &script)
{
    const auto statements = splitSqlScript(script);
    for (const auto &sql : statements) {
        QSqlQuery q(db.handle());
        db.countStatement();
        if (!q.exec(sql))
            fail(q.lastError(), sql);
    }
}

} // namespace corkboard
