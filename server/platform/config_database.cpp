#include "server/platform/config_database.h"

#include "server/platform/config.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <QUrlQuery>

namespace corkboard {

namespace {
const QStringList kSslModes
    = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
        QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

//! CORKBOARD_DATABASE_PASSWORD_FILE (preferred) or CORKBOARD_DATABASE_PASSWORD; never a flag.
QString passwordFromEnvironment(const QProcessEnvironment &env)
{
    const QString fileSetting = QStringLiteral("CORKBOARD_DATABASE_PASSWORD_FILE");
    if (env.contains(fileSetting)) {
        QFile file(env.value(fileSetting));
        if (!file.open(QIODevice::ReadOnly))
            throw ConfigError(fileSetting,
                QStringLiteral("cannot read '%1': %2").arg(file.fileName(), file.errorString()));
        if (file.permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther))
            throw ConfigError(fileSetting,
                QStringLiteral("'%1' is readable by other users; chmod 600 it")
                    .arg(file.fileName()));
        // One line; the trailing newline editors add is not part of the password.
        return QString::fromUtf8(file.read(4096)).trimmed();
    }
    return env.value(QStringLiteral("CORKBOARD_DATABASE_PASSWORD"));
}
} // namespace

QString PostgresTarget::connectOptions() const
{
    QStringList options {QStringLiteral("sslmode=") + sslmode,
        QStringLiteral("connect_timeout=") + QString::number(connectTimeoutSeconds)};
    if (!sslrootcert.isEmpty())
        options.append(QStringLiteral("sslrootcert=") + sslrootcert);
    return options.join(QLatin1Char(';'));
}

PostgresTarget parsePostgresUrl(const QString &setting, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid()
        || (scheme != QLatin1String("postgres") && scheme != QLatin1String("postgresql")))
        throw ConfigError(setting,
            QStringLiteral("must look like postgres://user@host:5432/database?sslmode=require"));
    if (!url.password().isEmpty())
        throw ConfigError(setting,
            QStringLiteral("holds a password; put it in CORKBOARD_DATABASE_PASSWORD_FILE (or "
                           "CORKBOARD_DATABASE_PASSWORD) instead, it would be logged otherwise"));
    PostgresTarget t;
    t.user = url.userName();
    t.host = url.host();
    t.port = url.port(5432);
    t.database = url.path().mid(1);
    if (t.user.isEmpty() || t.database.isEmpty() || t.database.contains(QLatin1Char('/')))
        throw ConfigError(setting, QStringLiteral("needs a user and a database name"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            if (!kSslModes.contains(value))
                throw ConfigError(setting,
                    QStringLiteral("sslmode must be one of %1").arg(kSslModes.join(u", ")));
            t.sslmode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            t.sslrootcert = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            t.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || t.connectTimeoutSeconds < 1 || t.connectTimeoutSeconds > 300)
                throw ConfigError(setting, QStringLiteral("connect_timeout must be 1…300 seconds"));
        } else if (key == QLatin1String("host")) { // a unix socket folder
            if (!QDir::isAbsolutePath(value))
                throw ConfigError(setting, QStringLiteral("host= must be an absolute folder"));
            t.host = value;
        } else {
            throw ConfigError(setting,
                QStringLiteral("unknown parameter '%1' (sslmode, sslrootcert, connect_timeout, "
                               "host)")
                    .arg(key));
        }
    }
    if (t.host.isEmpty())
        throw ConfigError(setting, QStringLiteral("needs a host (or ?host=/socket/folder)"));
    return t;
}

QString redactedDatabaseUrl(const QString &text)
{
    QUrl url(text);
    if (!url.isValid() || url.scheme() == QLatin1String("sqlite"))
        return text;
    url.setPassword(QString());
    return url.toString();
}

void parseDatabaseSettings(Config &c, const QProcessEnvironment &env,
    const std::function<QString(const char *, QString *)> &lookup)
{
    if (!c.migrateTarget.isEmpty()) // --migrate-to: the target's password
        c.databasePassword = passwordFromEnvironment(env);
    QString v;
    const QString name = lookup("database-url", &v);
    if (name.isEmpty()) {
        c.databaseUrl
            = QStringLiteral("sqlite:") + QDir(c.dataDir).filePath(QStringLiteral("corkboard.db"));
        return;
    }
    v = v.trimmed();
    if (v.startsWith(QLatin1String("postgres://"))
        || v.startsWith(QLatin1String("postgresql://"))) {
        parsePostgresUrl(name, v); // validated now: a bad URL stops the start, not the first query
        c.databaseUrl = v;
        c.databasePassword = passwordFromEnvironment(env);
        return;
    }
    if (!v.startsWith(QLatin1String("sqlite:")) || v.size() <= 7)
        throw ConfigError(name,
            QStringLiteral("must look like sqlite:/path/to/file.db or "
                           "postgres://user@host:5432/database?sslmode=require"));
    c.databaseUrl = v;
}

} // namespace corkboard
