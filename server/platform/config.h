#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <stdexcept>

class QProcessEnvironment;

namespace corkboard {

//! The shape the executable runs in; decided by the command line.
enum class RunMode
{
    Desktop,
    Serve,
    Worker,
    Migrate,
    RotateJwtKey,
    Backup, //!< --backup [FILE] | --backup --list
    Restore //!< --restore FILE
};

//! Every setting, parsed and validated once at start-up (flags win over CORKBOARD_* variables).
struct Config
{
    RunMode mode = RunMode::Desktop;
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    QString dataDir;
    //! sqlite:/path/file.db (default: <dataDir>/corkboard.db) or postgres://user@host:port/db
    QString databaseUrl;
    //! PostgreSQL only: from CORKBOARD_DATABASE_PASSWORD_FILE or CORKBOARD_DATABASE_PASSWORD,
    //! never a flag, never logged.
    QString databasePassword;
    int threads = 1;
    //! SQLite: board writes from every server thread run on one write-lane thread, several per
    //! transaction (false: each server thread writes itself, taking turns at the writer).
    bool writeLane = true;
    QStringList corsOrigins;
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int maxHeaderFields = 100;
    int headerTimeoutMs = 10000;
    int bodyStallTimeoutMs = 15000;
    int bodyMinBytesPerSecond = 1024; //!< slowest average body rate after the first stall timeout
    int bodyDeadlineMs = 600000; //!< no request body may take longer
    int idleTimeoutMs = 60000;
    int maxConnections = 1024; //!< open connections at once (then 503 + Retry-After)
    int maxConnectionsPerAddress = 64; //!< … from one client address (then 429 + Retry-After)
    int shutdownTimeoutMs = 10000;
    QString logLevel = QStringLiteral("info");
    QString logFormat = QStringLiteral("json");
    double rateLimitPerSecond = 50.0;
    int rateLimitBurst = 200;
    int authRateLimitPerMinute = 5; //!< failed logins per account and per address
    bool openRegistration = false;
    //! From CORKBOARD_JWT_SECRET_FILE or CORKBOARD_JWT_SECRET, never a flag; empty: generated
    //! into the data dir on first start.
    QByteArray jwtSecret;
    int jwtRotateDays = 0; //!< 0: rotate only by --rotate-jwt-key
    quint64 passwordOpsLimit = 2; //!< libsodium crypto_pwhash_OPSLIMIT_INTERACTIVE
    quint64 passwordMemLimit = 64ull * 1024 * 1024; //!< crypto_pwhash_MEMLIMIT_INTERACTIVE
    // Background jobs (see server/features/jobs).
    bool startWorker = true; //!< --serve and the desktop start a supervised worker child
    //! The program started with `--worker`; empty: this process's own binary. Set by embedders
    //! whose executable is not `corkboard` (the GUI tests), never from the environment.
    QString workerProgram;
    int jobPollMs = 500; //!< how often an idle worker looks for due jobs (real time)
    qint64 jobLeaseMs = 60000; //!< a claimed job is someone else's after this (clock time)
    qint64 jobRetryBaseMs = 30000; //!< first retry delay; doubles with every failed attempt
    qint64 reminderLeadMs = 24ll * 3600 * 1000; //!< due_soon this long before due_at
    int webhookTimeoutMs = 10000;
    //! CIDRs webhooks may reach although they are private, loopback or the host's own (the
    //! containment guard refuses those by default).
    QStringList webhookAllow;
    // Live updates (WebSocket and SSE).
    int liveAuthTimeoutMs = 10000; //!< a WebSocket must send auth within this
    int livePingIntervalMs = 30000; //!< the server pings every WebSocket this often
    int liveIdleTimeoutMs = 75000; //!< a WebSocket silent this long is dropped
    qint64 liveQueueBytes = 1024 * 1024; //!< per-connection send queue cap (then close 4429)
    int liveMaxMessageBytes = 64 * 1024; //!< largest client message (then close 1009)
    double liveMessagesPerSecond = 20.0; //!< client messages per second per socket
    int liveMessageBurst = 60; //!< … with this burst (then close 4429)
    int liveReplayLimit = 1000; //!< more missed events than this: resync instead of replay
    int sseKeepAliveMs = 15000; //!< comment line on idle SSE streams
    int eventRetentionCount = 100000; //!< events kept for replay, newest first
    int eventRetentionDays = 30; //!< … and none older than this
    // Attachments (see server/features/attachments).
    qint64 uploadMultipartMax = 10ll * 1024 * 1024; //!< largest multipart upload (file content)
    qint64 uploadMax = 1024ll * 1024 * 1024; //!< largest file, resumable (tus) uploads included
    qint64 uploadExpiryMs = 24ll * 3600 * 1000; //!< an unfinished resumable upload expires
    qint64 boardQuotaBytes = 0; //!< all files of one board together (0: no quota)
    int signedUrlSeconds = 300; //!< lifetime of a signed download URL
    qint64 thumbnailMaxPixels = 40ll * 1000 * 1000; //!< larger images get no thumbnail
    int eventCleanupIntervalMs = 10 * 60 * 1000;
    QString migrateCommand; //!< for RunMode::Migrate: status | up | down | to (--migrate-to)
    //! --migrate-to: the empty PostgreSQL database the data dir's SQLite database is copied into
    //! (its password: CORKBOARD_DATABASE_PASSWORD[_FILE]).
    QString migrateTarget;
    int migrateSteps = 1;
    // Backups (see server/features/backups).
    qint64 backupIntervalMs = 24ll * 3600 * 1000; //!< scheduled backups (0: none)
    int backupKeepDaily = 7; //!< scheduled backups kept: the newest of each of the last N days
    int backupKeepWeekly = 4; //!< … and of each of the N weeks before those
    QString backupFile; //!< --backup FILE (empty: into <dataDir>/backups)
    bool backupList = false; //!< --backup --list
    QString restoreFile; //!< --restore FILE
    //! Desktop: `corkboard://` links given as arguments (the card to open; a desktop's URL
    //! handler starts `corkboard LINK`).
    QStringList openLinks;
    // The LAN link (see server/platform/config_network.cpp).
    //! auto: HTTPS when listening beyond loopback, plain HTTP on loopback; on: HTTPS always.
    bool tlsAlways = false;
    QString tlsCertFile; //!< CORKBOARD_TLS_CERT (PEM); empty: self-signed in <dataDir>/tls
    QString tlsKeyFile; //!< CORKBOARD_TLS_KEY (PEM, unencrypted)
    bool insecureHttp = false; //!< --insecure-http: plain HTTP even beyond loopback
    //! Peers whose X-Forwarded-For / X-Forwarded-Proto count (reverse proxies).
    QList<QPair<QHostAddress, int>> trustedProxies;
    bool discovery = true; //!< advertise _corkboard._tcp over DNS-SD when beyond loopback

    QString sqlitePath() const; //!< empty on PostgreSQL
    bool usesPostgres() const;
    //! Whether a server listening on `listenHost` speaks HTTPS under these settings.
    bool usesTls(const QString &listenHost) const;
};

//! A setting with a bad value: the program exits 2 naming it.
class ConfigError : public std::runtime_error
{
public:
    ConfigError(const QString &setting, const QString &problem);
    QString setting;
    QString problem;
};

//! Parses arguments (argv without the program name is fine, the first entry is skipped) and env.
Config loadConfig(const QStringList &arguments, const QProcessEnvironment &env);
//! The settings given as flags in `arguments`, as the CORKBOARD_* variables that mean the same
//! (so a child process gets them through its environment, not its command line).
QList<QPair<QString, QString>> flagsAsEnvironment(const QStringList &arguments);
//! Text for --help.
QString configHelpText();

} // namespace corkboard
