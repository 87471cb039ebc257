// PostgreSQL (QPSQL) connections of Database: opening with a connect timeout, noticing that the
// server dropped the connection (a restart) and opening it again before the next statement.
#include "server/platform/app_error.h"
#include "server/platform/config_database.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

#include <QSqlDriver>
#include <QSqlError>
#include <libpq-fe.h>

namespace corkboard {

namespace {
PGconn *pgHandle(QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Qt names the metatype after libpq's struct (PGconn is a typedef of pg_conn).
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.data());
}
} // namespace

void Database::openPostgres()
{
    const PostgresTarget target = parsePostgresUrl(QStringLiteral("CORKBOARD_DATABASE_URL"), m_url);
    if (!QSqlDatabase::contains(m_name))
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    m_db.setHostName(target.host);
    m_db.setPort(target.port);
    m_db.setDatabaseName(target.database);
    m_db.setUserName(target.user);
    m_db.setPassword(m_password);
    m_db.setConnectOptions(target.connectOptions());
    if (!m_db.open()) {
        // libpq's message names host, port and user, never the password.
        logging::write(lcDb(), QtCriticalMsg, QStringLiteral("cannot open database"),
            {{QStringLiteral("url"), redactedDatabaseUrl(m_url)},
                {QStringLiteral("error"), m_db.lastError().text()}});
        m_lost = true;
        throw AppError(ErrorCode::Unavailable, QStringLiteral("cannot open the database"));
    }
    QSqlQuery q(m_db);
    // Times are stored as RFC 3339 text and compared as text; the session's zone never matters,
    // but UTC keeps now() and logs alike. A lock wait as long as SQLite's busy timeout.
    for (const char *setting : {"SET TIME ZONE 'UTC'", "SET client_min_messages = warning",
             "SET lock_timeout = 5000", "SET idle_in_transaction_session_timeout = 60000"}) {
        if (!q.exec(QLatin1String(setting))) {
            logging::write(lcDb(), QtCriticalMsg, QStringLiteral("cannot set up the connection"),
                {{QStringLiteral("error"), q.lastError().text()}});
            m_db.close();
            m_lost = true;
            throw AppError(ErrorCode::Unavailable, QStringLiteral("cannot open the database"));
        }
    }
    m_lost = false;
}

bool Database::connectionLost()
{
    if (!isPostgres())
        return false;
    if (!m_lost) {
        PGconn *conn = pgHandle(m_db);
        m_lost = !m_db.isOpen() || (conn && PQstatus(conn) == CONNECTION_BAD);
    }
    return m_lost;
}

void Database::reconnectIfLost()
{
    if (!isPostgres() || !m_lost || m_txDepth > 0)
        return;
    // The prepared statements died with the old session.
    m_idleQueries.clear();
    m_db.close();
    logging::write(lcDb(), QtInfoMsg, QStringLiteral("reconnecting to the database"),
        {{QStringLiteral("url"), redactedDatabaseUrl(m_url)}});
    openPostgres();
    logging::write(lcDb(), QtInfoMsg, QStringLiteral("database connection restored"),
        {{QStringLiteral("url"), redactedDatabaseUrl(m_url)}});
}

} // namespace corkboard
