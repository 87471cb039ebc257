#include "server/platform/config.h"

#include "server/platform/config_database.h"
#include "server/platform/config_network.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

namespace corkboard {

ConfigError::ConfigError(const QString &settingName, const QString &what)
    : std::runtime_error(QString(settingName + QStringLiteral(": ") + what).toStdString())
    , setting(settingName)
    , problem(what)
{
}

QString Config::sqlitePath() const
{
    if (databaseUrl.startsWith(QLatin1String("sqlite:")))
        return databaseUrl.mid(7);
    return QString();
}

bool Config::usesPostgres() const
{
    return databaseUrl.startsWith(QLatin1String("postgres://"))
        || databaseUrl.startsWith(QLatin1String("postgresql://"));
}

namespace {

struct Setting
{
    const char *flag;
    const char *env;
    const char *help;
    const char *valueName;
};

// Every setting that takes a value: its flag, its variable, what it means.
constexpr Setting kSettings[] = {
    {"host", "CORKBOARD_HOST", "Address to listen on.", "address"},
    {"port", "CORKBOARD_PORT", "Port to listen on (0: any free port).", "port"},
    {"data-dir", "CORKBOARD_DATA_DIR", "Folder for the database, keys and logs.", "path"},
    {"database-url", "CORKBOARD_DATABASE_URL",
        "sqlite:/path/to/file.db or postgres://user@host:5432/db?sslmode=require", "url"},
    {"threads", "CORKBOARD_THREADS", "Server threads (default: core count).", "n"},
    {"cors-origins", "CORKBOARD_CORS_ORIGINS", "Comma-separated allowed origins.", "list"},
    {"max-body-bytes", "CORKBOARD_MAX_BODY_BYTES", "Largest JSON request body.", "bytes"},
    {"header-timeout-ms", "CORKBOARD_HEADER_TIMEOUT_MS", "Deadline for a request's headers.", "ms"},
    {"body-timeout-ms", "CORKBOARD_BODY_TIMEOUT_MS", "Longest pause inside a request body.", "ms"},
    {"body-min-rate", "CORKBOARD_BODY_MIN_RATE",
        "Slowest request body, bytes/s on average (0: no minimum).", "bytes"},
    {"body-deadline-ms", "CORKBOARD_BODY_DEADLINE_MS", "Longest time for one request body.", "ms"},
    {"max-connections", "CORKBOARD_MAX_CONNECTIONS", "Open connections at once (then 503).", "n"},
    {"max-connections-per-address", "CORKBOARD_MAX_CONNECTIONS_PER_ADDRESS",
        "Open connections from one address (then 429).", "n"},
    {"idle-timeout-ms", "CORKBOARD_IDLE_TIMEOUT_MS", "Idle keep-alive connections close after.",
        "ms"},
    {"shutdown-timeout-ms", "CORKBOARD_SHUTDOWN_TIMEOUT_MS", "Grace for in-flight requests.", "ms"},
    {"log-level", "CORKBOARD_LOG_LEVEL", "debug | info | warning | error", "level"},
    {"log-format", "CORKBOARD_LOG_FORMAT", "json | text", "format"},
    {"rate-limit-rps", "CORKBOARD_RATE_LIMIT_RPS", "Requests per second per client address.", "n"},
    {"rate-limit-burst", "CORKBOARD_RATE_LIMIT_BURST", "Burst size per client address.", "n"},
    {"auth-rate-limit", "CORKBOARD_AUTH_RATE_LIMIT",
        "Failed sign-ins a minute per account/address.", "n"},
    {"open-registration", "CORKBOARD_OPEN_REGISTRATION", "true: anyone may register.", "bool"},
    {"jwt-rotate-days", "CORKBOARD_JWT_ROTATE_DAYS", "Rotate the JWT key every N days (0: off).",
        "days"},
    {"password-ops-limit", "CORKBOARD_PASSWORD_OPS_LIMIT", "Argon2id passes.", "n"},
    {"password-mem-limit", "CORKBOARD_PASSWORD_MEM_LIMIT", "Argon2id memory in bytes.", "bytes"},
    {"start-worker", "CORKBOARD_START_WORKER", "false: do not start the background job worker.",
        "bool"},
    {"write-lane", "CORKBOARD_WRITE_LANE",
        "false: SQLite writes run on each server thread, not on one write-lane thread.", "bool"},
    {"job-poll-ms", "CORKBOARD_JOB_POLL_MS", "How often an idle worker looks for due jobs.", "ms"},
    {"job-lease-ms", "CORKBOARD_JOB_LEASE_MS", "A claimed job returns to the queue after.", "ms"},
    {"job-retry-base-ms", "CORKBOARD_JOB_RETRY_BASE_MS", "First retry delay (doubles each time).",
        "ms"},
    {"reminder-lead-minutes", "CORKBOARD_REMINDER_LEAD_MINUTES", "due_soon reminder lead time.",
        "minutes"},
    {"webhook-timeout-ms", "CORKBOARD_WEBHOOK_TIMEOUT_MS", "Deadline for one webhook delivery.",
        "ms"},
    {"webhook-allow", "CORKBOARD_WEBHOOK_ALLOW",
        "Comma-separated CIDRs webhooks may reach although private (e.g. 10.0.5.0/24).", "list"},
    {"live-auth-timeout-ms", "CORKBOARD_LIVE_AUTH_TIMEOUT_MS", "WebSocket auth deadline.", "ms"},
    {"live-ping-ms", "CORKBOARD_LIVE_PING_MS", "WebSocket ping interval.", "ms"},
    {"live-idle-timeout-ms", "CORKBOARD_LIVE_IDLE_TIMEOUT_MS", "Drop a silent WebSocket after.",
        "ms"},
    {"live-queue-bytes", "CORKBOARD_LIVE_QUEUE_BYTES", "Send queue cap per live connection.",
        "bytes"},
    {"live-max-message-bytes", "CORKBOARD_LIVE_MAX_MESSAGE_BYTES", "Largest WebSocket message.",
        "bytes"},
    {"live-messages-per-second", "CORKBOARD_LIVE_MESSAGES_PER_SECOND", "Client messages a second.",
        "n"},
    {"live-message-burst", "CORKBOARD_LIVE_MESSAGE_BURST", "Client message burst.", "n"},
    {"live-replay-limit", "CORKBOARD_LIVE_REPLAY_LIMIT", "Most events replayed (else resync).",
        "n"},
    {"sse-keepalive-ms", "CORKBOARD_SSE_KEEPALIVE_MS", "Comment line interval on SSE.", "ms"},
    {"event-retention-count", "CORKBOARD_EVENT_RETENTION_COUNT", "Events kept for replay.", "n"},
    {"event-retention-days", "CORKBOARD_EVENT_RETENTION_DAYS", "Days events are kept.", "days"},
    {"upload-multipart-max", "CORKBOARD_UPLOAD_MULTIPART_MAX",
        "Largest file sent as multipart/form-data (default 10 MiB).", "bytes"},
    {"upload-max", "CORKBOARD_UPLOAD_MAX", "Largest attachment (default 1 GiB).", "bytes"},
    {"upload-expiry", "CORKBOARD_UPLOAD_EXPIRY",
        "An unfinished resumable upload is removed after N s|m|h|d (default 24h).", "interval"},
    {"board-quota", "CORKBOARD_BOARD_QUOTA",
        "Bytes of attachments per board, pending uploads included (0: no quota).", "bytes"},
    {"signed-url-seconds", "CORKBOARD_SIGNED_URL_SECONDS",
        "Lifetime of a signed download URL (default 300).", "s"},
    {"thumbnail-max-pixels", "CORKBOARD_THUMBNAIL_MAX_PIXELS",
        "Images with more pixels get no thumbnail (decompression-bomb limit).", "n"},
    {"backup-interval", "CORKBOARD_BACKUP_INTERVAL",
        "Scheduled backups every N s|m|h|d (default 1d; 0 or off: none).", "interval"},
    {"backup-keep", "CORKBOARD_BACKUP_KEEP",
        "Scheduled backups kept as DAILY,WEEKLY (default 7,4).", "n,n"},
    {"tls", "CORKBOARD_TLS", "auto: HTTPS beyond loopback (default) | on: HTTPS always.", "mode"},
    {"tls-cert", "CORKBOARD_TLS_CERT", "PEM certificate (chain) file; reloaded on SIGHUP.", "path"},
    {"tls-key", "CORKBOARD_TLS_KEY", "PEM private key file for --tls-cert (mode 0600).", "path"},
    {"trusted-proxies", "CORKBOARD_TRUSTED_PROXIES",
        "Comma-separated proxy addresses/CIDRs whose X-Forwarded-* headers count.", "list"},
    {"discovery", "CORKBOARD_DISCOVERY", "false: do not advertise on the LAN (DNS-SD).", "bool"},
};

qint64 parseInteger(const QString &setting, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        throw ConfigError(setting,
            QStringLiteral("must be a whole number from %1 to %2, got '%3'")
                .arg(min)
                .arg(max)
                .arg(text));
    }
    return v;
}

// "90s", "15m", "12h", "1d" (a bare number is seconds); "0" or "off" disables.
qint64 parseInterval(const QString &setting, const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("off") || t == QLatin1String("0"))
        return 0;
    static const QRegularExpression form(QStringLiteral(R"(^(\d{1,7})\s*([smhd]?)$)"));
    const auto m = form.match(t);
    if (!m.hasMatch())
        throw ConfigError(setting,
            QStringLiteral("must be a duration such as 30m, 12h or 1d (or off), got '%1'")
                .arg(text));
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == QLatin1String("d") ? 86400000
        : unit == QLatin1String("h")                 ? 3600000
        : unit == QLatin1String("m")                 ? 60000
                                                     : 1000;
    if (n * factor < 60000)
        throw ConfigError(
            setting, QStringLiteral("must be at least one minute, got '%1'").arg(text));
    return n * factor;
}

} // namespace

bool config_detail::parseBool(const QString &setting, const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no"))
        return false;
    throw ConfigError(setting, QStringLiteral("must be true or false, got '%1'").arg(text));
}

namespace {

using config_detail::parseBool;

QByteArray checkedSecret(const QString &setting, const QByteArray &secret)
{
    if (secret.size() < 32)
        throw ConfigError(setting, QStringLiteral("must be at least 32 characters"));
    return secret;
}

//! CORKBOARD_JWT_SECRET_FILE (preferred) or CORKBOARD_JWT_SECRET; empty: generated on start.
QByteArray jwtSecretFromEnvironment(const QProcessEnvironment &env)
{
    const QString fileSetting = QStringLiteral("CORKBOARD_JWT_SECRET_FILE");
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
        // One line; the trailing newline editors add is not part of the secret.
        return checkedSecret(fileSetting, file.read(4096).trimmed());
    }
    const QString envSetting = QStringLiteral("CORKBOARD_JWT_SECRET");
    if (env.contains(envSetting))
        return checkedSecret(envSetting, env.value(envSetting).toUtf8());
    return QByteArray();
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("Corkboard, a task board for teams."));
    parser.addOption({QStringLiteral("serve"), QStringLiteral("Run the headless server.")});
    parser.addOption({QStringLiteral("worker"), QStringLiteral("Run the background job worker.")});
    parser.addOption({QStringLiteral("migrate-to"),
        QStringLiteral("Copy the data dir's SQLite database into an empty PostgreSQL database."),
        QStringLiteral("postgres-url")});
    parser.addOption({QStringLiteral("migrate"),
        QStringLiteral("Database migrations: status | up | down."), QStringLiteral("command")});
    parser.addOption({QStringLiteral("rotate-jwt-key"), QStringLiteral("Add a new JWT key.")});
    parser.addOption({QStringLiteral("backup"), QStringLiteral("Back the database up [FILE].")});
    parser.addOption({QStringLiteral("list"), QStringLiteral("With --backup: list backups.")});
    parser.addOption({QStringLiteral("restore"), QStringLiteral("Restore the database from FILE."),
        QStringLiteral("file")});
    parser.addOption({QStringLiteral("insecure-http"),
        QStringLiteral("Serve plain HTTP beyond loopback (passwords readable on the network). "
                       "[CORKBOARD_INSECURE_HTTP]")});
    for (const auto &s : kSettings) {
        parser.addOption({QString::fromLatin1(s.flag),
            QString::fromLatin1(s.help) + QStringLiteral(" [") + QString::fromLatin1(s.env)
                + QStringLiteral("]"),
            QString::fromLatin1(s.valueName)});
    }
}

} // namespace

QList<QPair<QString, QString>> flagsAsEnvironment(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    QList<QPair<QString, QString>> out;
    if (!parser.parse(arguments))
        return out;
    for (const auto &s : kSettings) {
        const QString flag = QString::fromLatin1(s.flag);
        if (parser.isSet(flag))
            out.append({QString::fromLatin1(s.env), parser.value(flag)});
    }
    return out;
}

QString configHelpText()
{
    QString text;
    for (const auto &s : kSettings) {
        text += QStringLiteral("  --%1 <%2>  (%3)  %4\n")
                    .arg(QLatin1String(s.flag), QLatin1String(s.valueName), QLatin1String(s.env),
                        QLatin1String(s.help));
    }
    text += QStringLiteral(
        "  (CORKBOARD_JWT_SECRET_FILE)  File holding the JWT signing secret (mode 0600).\n"
        "  (CORKBOARD_JWT_SECRET)  The JWT signing secret itself; never a command-line flag.\n"
        "  (CORKBOARD_DATABASE_PASSWORD_FILE)  File holding the PostgreSQL password (mode 0600).\n"
        "  (CORKBOARD_DATABASE_PASSWORD)  The PostgreSQL password itself; never a flag.\n");
    return text;
}

Config loadConfig(const QStringList &arguments, const QProcessEnvironment &env)
{
    QCommandLineParser parser;
    addOptions(parser);
    // Secrets never go on a command line (every local user can read it in ps or /proc).
    for (const QString &a : arguments) {
        if (a == QLatin1String("--jwt-secret") || a.startsWith(QLatin1String("--jwt-secret="))) {
            throw ConfigError(QStringLiteral("--jwt-secret"),
                QStringLiteral("secrets are not accepted on the command line; set "
                               "CORKBOARD_JWT_SECRET_FILE (a file readable only by you) or "
                               "CORKBOARD_JWT_SECRET"));
        }
    }
    if (!parser.parse(arguments))
        throw ConfigError(QStringLiteral("command line"), parser.errorText());

    // A flag wins over its variable; returns the variable's name or the flag for messages.
    auto lookup = [&](const char *flag, QString *value) -> QString {
        const QString f = QString::fromLatin1(flag);
        for (const auto &s : kSettings) {
            if (qstrcmp(s.flag, flag) != 0)
                continue;
            if (parser.isSet(f)) {
                *value = parser.value(f);
                return QStringLiteral("--") + f;
            }
            const QString envName = QString::fromLatin1(s.env);
            if (env.contains(envName)) {
                *value = env.value(envName);
                return envName;
            }
        }
        return QString();
    };

    Config c;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("serve"))) {
        c.mode = RunMode::Serve;
        c.host = QStringLiteral("0.0.0.0");
        c.port = 8080;
    } else if (parser.isSet(QStringLiteral("worker"))) {
        c.mode = RunMode::Worker;
    } else if (parser.isSet(QStringLiteral("migrate-to"))) {
        c.mode = RunMode::Migrate;
        c.migrateCommand = QStringLiteral("to");
        c.migrateTarget = parser.value(QStringLiteral("migrate-to")).trimmed();
        parsePostgresUrl(QStringLiteral("--migrate-to"), c.migrateTarget);
    } else if (parser.isSet(QStringLiteral("migrate"))) {
        c.mode = RunMode::Migrate;
        c.migrateCommand = parser.value(QStringLiteral("migrate"));
        if (c.migrateCommand != QLatin1String("status") && c.migrateCommand != QLatin1String("up")
            && c.migrateCommand != QLatin1String("down")) {
            throw ConfigError(QStringLiteral("--migrate"),
                QStringLiteral("must be status, up or down, got '%1'").arg(c.migrateCommand));
        }
        if (!positional.isEmpty()) {
            c.migrateSteps = int(
                parseInteger(QStringLiteral("--migrate steps"), positional.first(), 1, 10000));
        }
    } else if (parser.isSet(QStringLiteral("rotate-jwt-key"))) {
        c.mode = RunMode::RotateJwtKey;
    } else if (parser.isSet(QStringLiteral("backup"))) {
        c.mode = RunMode::Backup;
        c.backupList = parser.isSet(QStringLiteral("list"));
        if (positional.size() > 1 || (c.backupList && !positional.isEmpty()))
            throw ConfigError(
                QStringLiteral("--backup"), QStringLiteral("takes one FILE, or --list"));
        if (!positional.isEmpty())
            c.backupFile = QDir(positional.first()).absolutePath();
    } else if (parser.isSet(QStringLiteral("restore"))) {
        c.mode = RunMode::Restore;
        const QString file = parser.value(QStringLiteral("restore")).trimmed();
        if (file.isEmpty())
            throw ConfigError(QStringLiteral("--restore"), QStringLiteral("needs a FILE"));
        c.restoreFile = QDir(file).absolutePath();
    } else {
        // Anything else a launcher may pass (an empty %u, a file) is not for us.
        for (const QString &p : positional) {
            if (p.startsWith(QLatin1String("corkboard:"), Qt::CaseInsensitive))
                c.openLinks.append(p);
        }
    }
    c.threads = qMax(1, QThread::idealThreadCount());

    QString v;
    QString name;
    if (!(name = lookup("host", &v)).isEmpty()) {
        if (v.trimmed().isEmpty())
            throw ConfigError(name, QStringLiteral("must be an address such as 127.0.0.1"));
        c.host = v.trimmed();
    }
    if (!(name = lookup("port", &v)).isEmpty())
        c.port = int(parseInteger(name, v, 0, 65535));
    if (!(name = lookup("data-dir", &v)).isEmpty()) {
        if (v.trimmed().isEmpty())
            throw ConfigError(name, QStringLiteral("must be a folder path"));
        c.dataDir = QDir(v.trimmed()).absolutePath();
    } else {
        c.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (c.dataDir.isEmpty())
            c.dataDir = QDir::home().filePath(QStringLiteral(".local/share/corkboard"));
    }
    parseDatabaseSettings(c, env, lookup);
    if (!(name = lookup("threads", &v)).isEmpty())
        c.threads = int(parseInteger(name, v, 1, 64));
    if (!(name = lookup("cors-origins", &v)).isEmpty()) {
        const auto parts = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const auto &p : parts) {
            const QString origin = p.trimmed();
            const QUrl url(origin, QUrl::StrictMode);
            if (!url.isValid()
                || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
                || url.host().isEmpty() || !url.path().isEmpty()) {
                throw ConfigError(name,
                    QStringLiteral("'%1' is not an origin like https://host:port").arg(origin));
            }
            c.corsOrigins.append(origin);
        }
    }
    if (!(name = lookup("max-body-bytes", &v)).isEmpty())
        c.maxBodyBytes = parseInteger(name, v, 1024, qint64(1) << 32);
    if (!(name = lookup("header-timeout-ms", &v)).isEmpty())
        c.headerTimeoutMs = int(parseInteger(name, v, 50, 600000));
    if (!(name = lookup("body-timeout-ms", &v)).isEmpty())
        c.bodyStallTimeoutMs = int(parseInteger(name, v, 50, 600000));
    if (!(name = lookup("body-min-rate", &v)).isEmpty())
        c.bodyMinBytesPerSecond = int(parseInteger(name, v, 0, 1000000000));
    if (!(name = lookup("body-deadline-ms", &v)).isEmpty())
        c.bodyDeadlineMs = int(parseInteger(name, v, 1000, 86400000));
    if (!(name = lookup("max-connections", &v)).isEmpty())
        c.maxConnections = int(parseInteger(name, v, 1, 1000000));
    if (!(name = lookup("max-connections-per-address", &v)).isEmpty())
        c.maxConnectionsPerAddress = int(parseInteger(name, v, 1, 1000000));
    if (!(name = lookup("idle-timeout-ms", &v)).isEmpty())
        c.idleTimeoutMs = int(parseInteger(name, v, 50, 3600000));
    if (!(name = lookup("shutdown-timeout-ms", &v)).isEmpty())
        c.shutdownTimeoutMs = int(parseInteger(name, v, 0, 600000));
    if (!(name = lookup("log-level", &v)).isEmpty()) {
        const QString level = v.trimmed().toLower();
        if (!QStringList {QStringLiteral("debug"), QStringLiteral("info"),
                QStringLiteral("warning"), QStringLiteral("error")}
                 .contains(level))
            throw ConfigError(
                name, QStringLiteral("must be debug, info, warning or error, got '%1'").arg(v));
        c.logLevel = level;
    }
    if (!(name = lookup("log-format", &v)).isEmpty()) {
        const QString fmt = v.trimmed().toLower();
        if (fmt != QLatin1String("json") && fmt != QLatin1String("text"))
            throw ConfigError(name, QStringLiteral("must be json or text, got '%1'").arg(v));
        c.logFormat = fmt;
    }
    if (!(name = lookup("rate-limit-rps", &v)).isEmpty()) {
        bool ok = false;
        const double rps = v.toDouble(&ok);
        if (!ok || rps <= 0 || rps > 1e6)
            throw ConfigError(name, QStringLiteral("must be a number above 0, got '%1'").arg(v));
        c.rateLimitPerSecond = rps;
    }
    if (!(name = lookup("rate-limit-burst", &v)).isEmpty())
        c.rateLimitBurst = int(parseInteger(name, v, 1, 1000000));
    if (!(name = lookup("auth-rate-limit", &v)).isEmpty())
        c.authRateLimitPerMinute = int(parseInteger(name, v, 1, 100000));
    if (!(name = lookup("open-registration", &v)).isEmpty())
        c.openRegistration = parseBool(name, v);
    c.jwtSecret = jwtSecretFromEnvironment(env);
    if (!(name = lookup("jwt-rotate-days", &v)).isEmpty())
        c.jwtRotateDays = int(parseInteger(name, v, 0, 3650));
    if (!(name = lookup("password-ops-limit", &v)).isEmpty())
        c.passwordOpsLimit = quint64(parseInteger(name, v, 1, 100));
    if (!(name = lookup("password-mem-limit", &v)).isEmpty())
        c.passwordMemLimit = quint64(parseInteger(name, v, 8192, qint64(4) << 30));
    if (!(name = lookup("start-worker", &v)).isEmpty())
        c.startWorker = parseBool(name, v);
    if (!(name = lookup("write-lane", &v)).isEmpty())
        c.writeLane = parseBool(name, v);
    if (!(name = lookup("job-poll-ms", &v)).isEmpty())
        c.jobPollMs = int(parseInteger(name, v, 10, 60000));
    if (!(name = lookup("job-lease-ms", &v)).isEmpty())
        c.jobLeaseMs = parseInteger(name, v, 100, 86400000);
    if (!(name = lookup("job-retry-base-ms", &v)).isEmpty())
        c.jobRetryBaseMs = parseInteger(name, v, 1, 86400000);
    if (!(name = lookup("reminder-lead-minutes", &v)).isEmpty())
        c.reminderLeadMs = parseInteger(name, v, 1, 60 * 24 * 60) * 60 * 1000;
    if (!(name = lookup("webhook-timeout-ms", &v)).isEmpty())
        c.webhookTimeoutMs = int(parseInteger(name, v, 100, 120000));
    if (!(name = lookup("webhook-allow", &v)).isEmpty()) {
        const auto entries = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &entry : entries) {
            const QString cidr = entry.trimmed();
            if (QHostAddress::parseSubnet(cidr).first.isNull())
                throw ConfigError(name,
                    QStringLiteral("must be a comma-separated list of CIDRs such as 10.0.5.0/24 "
                                   "or fd12::/64, got '%1'")
                        .arg(cidr));
            c.webhookAllow.append(cidr);
        }
    }
    if (!(name = lookup("live-auth-timeout-ms", &v)).isEmpty())
        c.liveAuthTimeoutMs = int(parseInteger(name, v, 10, 600000));
    if (!(name = lookup("live-ping-ms", &v)).isEmpty())
        c.livePingIntervalMs = int(parseInteger(name, v, 10, 3600000));
    if (!(name = lookup("live-idle-timeout-ms", &v)).isEmpty())
        c.liveIdleTimeoutMs = int(parseInteger(name, v, 20, 3600000));
    if (!(name = lookup("live-queue-bytes", &v)).isEmpty())
        c.liveQueueBytes = parseInteger(name, v, 1024, qint64(1) << 32);
    if (!(name = lookup("live-max-message-bytes", &v)).isEmpty())
        c.liveMaxMessageBytes = int(parseInteger(name, v, 256, 16 * 1024 * 1024));
    if (!(name = lookup("live-messages-per-second", &v)).isEmpty())
        c.liveMessagesPerSecond = double(parseInteger(name, v, 1, 100000));
    if (!(name = lookup("live-message-burst", &v)).isEmpty())
        c.liveMessageBurst = int(parseInteger(name, v, 1, 100000));
    if (!(name = lookup("live-replay-limit", &v)).isEmpty())
        c.liveReplayLimit = int(parseInteger(name, v, 1, 1000000));
    if (!(name = lookup("sse-keepalive-ms", &v)).isEmpty())
        c.sseKeepAliveMs = int(parseInteger(name, v, 10, 3600000));
    if (!(name = lookup("event-retention-count", &v)).isEmpty())
        c.eventRetentionCount = int(parseInteger(name, v, 1, 100000000));
    if (!(name = lookup("event-retention-days", &v)).isEmpty())
        c.eventRetentionDays = int(parseInteger(name, v, 1, 36500));
    if (!(name = lookup("upload-multipart-max", &v)).isEmpty())
        c.uploadMultipartMax = parseInteger(name, v, 1024, qint64(1) << 32);
    if (!(name = lookup("upload-max", &v)).isEmpty())
        c.uploadMax = parseInteger(name, v, 1024, qint64(1) << 40);
    if (!(name = lookup("upload-expiry", &v)).isEmpty()) {
        c.uploadExpiryMs = parseInterval(name, v);
        if (c.uploadExpiryMs == 0)
            throw ConfigError(
                name, QStringLiteral("must be a duration such as 24h, got '%1'").arg(v));
    }
    if (!(name = lookup("board-quota", &v)).isEmpty())
        c.boardQuotaBytes = parseInteger(name, v, 0, qint64(1) << 50);
    if (!(name = lookup("signed-url-seconds", &v)).isEmpty())
        c.signedUrlSeconds = int(parseInteger(name, v, 10, 86400));
    if (!(name = lookup("thumbnail-max-pixels", &v)).isEmpty())
        c.thumbnailMaxPixels = parseInteger(name, v, 1, qint64(1) << 40);
    if (!(name = lookup("backup-interval", &v)).isEmpty())
        c.backupIntervalMs = parseInterval(name, v);
    if (!(name = lookup("backup-keep", &v)).isEmpty()) {
        static const QRegularExpression form(
            QStringLiteral(R"(^\s*(\d{1,4})\s*,\s*(\d{1,4})\s*$)"));
        const auto m = form.match(v);
        if (!m.hasMatch() || m.captured(1).toInt() + m.captured(2).toInt() < 1)
            throw ConfigError(
                name, QStringLiteral("must be DAILY,WEEKLY counts such as 7,4, got '%1'").arg(v));
        c.backupKeepDaily = m.captured(1).toInt();
        c.backupKeepWeekly = m.captured(2).toInt();
    }
    parseNetworkSettings(c, lookup);
    if (parser.isSet(QStringLiteral("insecure-http")))
        c.insecureHttp = true;
    else if (env.contains(QStringLiteral("CORKBOARD_INSECURE_HTTP")))
        c.insecureHttp = parseBool(QStringLiteral("CORKBOARD_INSECURE_HTTP"),
            env.value(QStringLiteral("CORKBOARD_INSECURE_HTTP")));
    return c;
}

} // namespace corkboard
