#include "server/platform/database.h"

#include "server/platform/app_error.h"
#include "server/platform/config.h"
#include "server/platform/log.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>

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
} // namespace

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
}

Database::~Database()
{
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
    QSqlQuery q(m_db.handle());
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        --m_db.m_txDepth;
        fail(q.lastError(), QStringLiteral("BEGIN IMMEDIATE"));
    }
}

Transaction::~Transaction()
{
    if (!m_done && m_outer) {
        QSqlQuery q(m_db.handle());
        q.exec(QStringLiteral("ROLLBACK"));
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
            fail(q.lastError(), QStringLiteral("COMMIT"));
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
