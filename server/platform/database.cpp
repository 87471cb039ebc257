#include "server/platform/database.h"

#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/config_database.h"
#include "server/platform/log.h"

#include "server/platform/sqlite_access.h"
#include "server/platform/wal_checkpoint.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <atomic>
#include <map>
#include <memory>
#include <sqlite3.h>

namespace corkboard {

namespace {
[[noreturn]] void fail(const QSqlError &error, const QString &sql, Database *db = nullptr)
{
    const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
    const QString state = error.nativeErrorCode(); // PostgreSQL: the SQLSTATE
    const bool postgres = db && db->isPostgres();
    if (text.contains(QLatin1String("UNIQUE constraint failed"))
        || (postgres && state == QLatin1String("23505"))) {
        throw AppError(
            ErrorCode::Conflict, QStringLiteral("a record with these values already exists"));
    }
    const bool lost = postgres && db->connectionLost();
    logging::write(lcDb(), lost ? QtWarningMsg : QtCriticalMsg,
        lost ? QStringLiteral("database connection lost")
             : QStringLiteral("database statement failed"),
        {{QStringLiteral("error"), text}, {QStringLiteral("sql"), sql.left(200)}});
    // PostgreSQL: connection exceptions (08…), shutdown (57P…), serialization failures and
    // deadlocks (40…), lock and statement timeouts: the client may retry.
    const bool retryable = postgres
        && (lost || state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"))
            || state.startsWith(QLatin1String("40")) || state == QLatin1String("55P03")
            || state == QLatin1String("57014"));
    if (retryable || text.contains(QLatin1String("database is locked"))
        || text.contains(QLatin1String("unable to open")))
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the database is busy or unavailable"));
    throw AppError(ErrorCode::Internal, QStringLiteral("database error"));
}

constexpr int kBusyTimeoutMs = 5000;
// Statements kept prepared per connection: every fixed SQL of the server fits; SQL built per call
// (IN lists of n placeholders) beyond that is prepared and dropped as before.
constexpr std::size_t kMaxIdleQueries = 256;
std::atomic<quint64> g_writeGeneration {0};
std::atomic<qint64> g_busyWaits {0};

// One writer lock per database file for the whole process (a handful of files). The registry
// is never destroyed: a server thread may still commit while static destructors run at exit.
QMutex *writerLockFor(const QString &path)
{
    static QMutex registryLock;
    static auto *locks = new std::map<QString, std::unique_ptr<QMutex>>();
    QMutexLocker guard(&registryLock);
    std::unique_ptr<QMutex> &lock = (*locks)[path];
    if (!lock)
        lock = std::make_unique<QMutex>();
    return lock.get();
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

void bumpWriteGeneration()
{
    g_writeGeneration.fetch_add(1, std::memory_order_acq_rel);
}

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
    if (db.isPostgres()) { // QtSql's path: the same SQL, prepared once per connection too
        m_query = db.takeQuery(QString::fromUtf8(sql));
        db.countStatement();
        return;
    }
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
    if (m_query) {
        if (!m_failed)
            m_db.releaseQuery(QString::fromUtf8(m_sql), std::move(m_query));
        return;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

Statement &Statement::bind(int position, const QString &text)
{
    if (m_query) {
        m_query->bindValue(position - 1, text);
        return *this;
    }
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
    if (m_query) {
        m_texts.clear();
        if (!m_executed) {
            m_executed = true;
            if (!m_query->exec()) {
                m_failed = true;
                fail(m_query->lastError(), QString::fromUtf8(m_sql), &m_db);
            }
        }
        return m_query->next();
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    failSqlite(sqlite3_db_handle(m_stmt), rc, m_sql);
}

bool Statement::isNull(int column) const
{
    if (m_query)
        return m_query->isNull(column);
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::integer(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    return sqlite3_column_int64(m_stmt, column);
}

QByteArrayView Statement::text(int column) const
{
    if (m_query) {
        auto it = m_texts.find(column);
        if (it == m_texts.end())
            it = m_texts.insert(column, m_query->value(column).toString().toUtf8());
        return QByteArrayView(*it);
    }
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
}

Database::Database(const Config &config, const QString &connectionName)
    : m_name(connectionName)
    , m_path(config.sqlitePath())
{
    if (config.usesPostgres()) {
        m_engine = SqlEngine::Postgres;
        m_url = config.databaseUrl;
        m_password = config.databasePassword;
        // The in-process writer lock: one per server (data dir) and database.
        m_path = redactedDatabaseUrl(m_url) + QLatin1Char('|') + config.dataDir;
        openPostgres();
        return;
    }
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
    // No mmap: SQLite unmaps a connection's whole file mapping whenever another connection wrote
    // since its last transaction, so with two server threads writing in turn nearly every write
    // transaction paid a munmap of the file (TLB shootdowns on both cores) and page faults to map
    // it again; card creation ran ~20 % faster without, board reads the same (tests/bench).
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
             "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000", "PRAGMA cache_size=-16384"}) {
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
    m_idleQueries.clear(); // before the connection closes
    if (isPostgres()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        return;
    }
    if (sqlite3 *handle = handleOf(m_db)) {
        QMutexLocker guard(&g_statementsLock);
        for (sqlite3_stmt *stmt : g_statements.take(handle))
            sqlite3_finalize(stmt);
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::unique_ptr<QSqlQuery> Database::takeQuery(const QString &sql)
{
    if (m_txDepth == 0)
        reconnectIfLost();
    const auto it = m_idleQueries.find(sql);
    if (it != m_idleQueries.end()) {
        std::unique_ptr<QSqlQuery> query = std::move(it->second);
        m_idleQueries.erase(it);
        return query;
    }
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true); // nothing scrolls back; QtSql then keeps no copy of the rows
    if (runsUnprepared(sql))
        return query; // run() executes its text
    if (!query->prepare(sql))
        fail(query->lastError(), sql, this);
    return query;
}

void Database::releaseQuery(const QString &sql, std::unique_ptr<QSqlQuery> query)
{
    query->finish();
    if (runsUnprepared(sql))
        return;
    if (m_idleQueries.size() < kMaxIdleQueries)
        m_idleQueries.try_emplace(sql, std::move(query)); // a nested twin is dropped
}

bool Database::runsUnprepared(const QString &sql) const
{
    if (!isPostgres())
        return false;
    // PostgreSQL prepares only these (PREPARE … AS); BEGIN, COMMIT, SET, DDL run as text.
    static const QRegularExpression preparable(
        QStringLiteral(R"(^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|VALUES)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return !preparable.match(sql).hasMatch();
}

bool Database::run(QSqlQuery &query, const QString &sql)
{
    return runsUnprepared(sql) ? query.exec(sql) : query.exec();
}

bool Database::execControl(const QString &sql, QString *error)
{
    std::unique_ptr<QSqlQuery> query = takeQuery(sql);
    const bool ok = run(*query, sql);
    if (!ok && error)
        *error = query->lastError().text();
    releaseQuery(sql, std::move(query));
    return ok;
}

SqlQuery::SqlQuery(Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
    , m_query(db.takeQuery(sql))
{
}

SqlQuery::~SqlQuery()
{
    // A statement that failed is not reused (its state after the error is the driver's).
    if (!m_failed)
        m_db.releaseQuery(m_sql, std::move(m_query));
}

SqlQuery &SqlQuery::bind(const QString &name, const QVariant &value)
{
    m_query->bindValue(name, value);
    return *this;
}

SqlQuery &SqlQuery::bind(int position, const QVariant &value)
{
    m_query->bindValue(position, value);
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    m_db.countStatement();
    if (!m_db.run(*m_query, m_sql)) {
        m_failed = true;
        fail(m_query->lastError(), m_sql, &m_db);
    }
    // SQLite counts commits in its WAL hook; PostgreSQL's autocommit writes count here.
    if (m_db.isPostgres() && !m_db.inTransaction() && !m_query->isSelect())
        bumpWriteGeneration();
    return *this;
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (m_db.m_txDepth++ > 0)
        return; // joins the outer transaction
    m_outer = true;
    try {
        m_db.reconnectIfLost();
        m_db.lockAndBegin();
    } catch (...) {
        --m_db.m_txDepth;
        throw;
    }
}

Transaction::~Transaction()
{
    if (!m_done && !m_outer && m_db.m_inJob)
        m_db.m_jobAbandoned = true; // the lane rolls the request back to its savepoint
    if (!m_done && m_outer) {
        try {
            m_db.execControl(QStringLiteral("ROLLBACK"));
        } catch (...) { // a destructor never throws; SQLite rolls back when the connection closes
        }
        writerLockFor(m_db.path())->unlock();
    }
    --m_db.m_txDepth;
}

void Transaction::commit()
{
    if (m_done)
        return;
    if (m_outer) {
        std::unique_ptr<QSqlQuery> commit = m_db.takeQuery(QStringLiteral("COMMIT"));
        if (!m_db.run(*commit, QStringLiteral("COMMIT")))
            fail(commit->lastError(), QStringLiteral("COMMIT"),
                &m_db); // the destructor rolls back, unlocks
        m_db.releaseQuery(QStringLiteral("COMMIT"), std::move(commit));
        if (m_db.isPostgres())
            bumpWriteGeneration();
        writerLockFor(m_db.path())->unlock();
    }
    m_done = true;
}

void Database::lockAndBegin()
{
    // The process's single writer for this file: wait here (queued in-process), never in
    // SQLite's busy handler behind another of our own connections. Reads stay parallel (WAL).
    QMutex *writer = writerLockFor(m_path);
    if (!writer->tryLock(kBusyTimeoutMs)) {
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the database is busy or unavailable"));
    }
    // PostgreSQL: read committed; rows that must not change under the writer are locked where
    // it matters (the outbox's per-board lock, job claims with SKIP LOCKED).
    const QString beginSql
        = isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    std::unique_ptr<QSqlQuery> begin = takeQuery(beginSql);
    if (!run(*begin, beginSql)) {
        const QSqlError error = begin->lastError();
        writer->unlock();
        fail(error, beginSql, this);
    }
    releaseQuery(beginSql, std::move(begin));
}

void Database::beginBatch()
{
    lockAndBegin();
    m_batch = true;
    m_afterCommit.clear();
}

void Database::beginJob()
{
    if (!execControl(QStringLiteral("SAVEPOINT lane_request")))
        throw AppError(
            ErrorCode::Unavailable, QStringLiteral("the database is busy or unavailable"));
    m_inJob = true;
    m_jobAbandoned = false;
    m_txDepth = 1; // the request's Transactions join the savepoint
    m_jobCallbacks = m_afterCommit.size();
}

bool Database::endJob(bool ok)
{
    m_txDepth = 0;
    m_inJob = false;
    if (ok && !m_jobAbandoned)
        return execControl(QStringLiteral("RELEASE lane_request"));
    m_afterCommit.resize(m_jobCallbacks);
    return execControl(QStringLiteral("ROLLBACK TO lane_request"))
        && execControl(QStringLiteral("RELEASE lane_request"));
}

bool Database::commitBatch()
{
    const bool ok = execControl(QStringLiteral("COMMIT"));
    if (!ok) {
        rollbackBatch();
        return false;
    }
    m_batch = false;
    writerLockFor(m_path)->unlock();
    const auto callbacks = std::exchange(m_afterCommit, {});
    for (const auto &f : callbacks)
        f();
    return true;
}

void Database::rollbackBatch()
{
    if (!m_batch)
        return;
    execControl(QStringLiteral("ROLLBACK"));
    m_batch = false;
    m_inJob = false;
    m_txDepth = 0;
    m_afterCommit.clear();
    writerLockFor(m_path)->unlock();
}

void Database::afterCommit(std::function<void()> f)
{
    if (m_inJob)
        m_afterCommit.push_back(std::move(f));
    else
        f();
}

QStringList splitSqlScript(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    bool inDollarQuote = false; // PostgreSQL function bodies: $$ … $$;
    // PostgreSQL triggers are one statement (… EXECUTE FUNCTION f();), their body a function.
    const bool postgresTriggers = script.contains(QLatin1String("EXECUTE FUNCTION"));
    const auto lines = script.split(QLatin1Char('\n'));
    for (const auto &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (!inDollarQuote && (line.isEmpty() || line.startsWith(QLatin1String("--"))))
            continue;
        if (current.isEmpty()
            && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = !postgresTriggers; // SQLite's BEGIN … END; bodies
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollarQuote = !inDollarQuote;
        current += rawLine + QLatin1Char('\n');
        const bool ends = inDollarQuote ? false
            : inTrigger ? line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
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
            fail(q.lastError(), sql, &db);
    }
}

} // namespace corkboard
