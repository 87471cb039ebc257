#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <functional>

namespace corkboard {

struct Config;

//! Where a PostgreSQL database is, from CORKBOARD_DATABASE_URL
//! (`postgres://user@host:port/db?sslmode=…&connect_timeout=…&host=/socket/dir`).
struct PostgresTarget
{
    QString host; //!< a name, an address, or a unix socket folder (from ?host=)
    int port = 5432;
    QString database;
    QString user;
    QString sslmode = QStringLiteral("prefer");
    QString sslrootcert;
    int connectTimeoutSeconds = 5;

    //! libpq connection options as QPSQL takes them ("sslmode=…;connect_timeout=…").
    QString connectOptions() const;
};

//! Parses a postgres:// URL; throws ConfigError(setting, …) when it is not one we accept (a
//! password inside the URL included: it belongs in CORKBOARD_DATABASE_PASSWORD[_FILE]).
PostgresTarget parsePostgresUrl(const QString &setting, const QString &url);

//! The database settings (database-url and the password variables) of the table in config.cpp.
void parseDatabaseSettings(Config &config, const QProcessEnvironment &env,
    const std::function<QString(const char *, QString *)> &lookup);

//! The URL with any password removed, for logs and /ready.
QString redactedDatabaseUrl(const QString &url);

} // namespace corkboard
