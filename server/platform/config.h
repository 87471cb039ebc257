#pragma once

#include <QByteArray>
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
    RotateJwtKey
};

//! Every setting, parsed and validated once at start-up (flags win over CORKBOARD_* variables).
struct Config
{
    RunMode mode = RunMode::Desktop;
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    QString dataDir;
    QString databaseUrl; //!< sqlite:/path/file.db (default: <dataDir>/corkboard.db)
    int threads = 1;
    QStringList corsOrigins;
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int maxHeaderFields = 100;
    int headerTimeoutMs = 10000;
    int bodyStallTimeoutMs = 15000;
    int idleTimeoutMs = 60000;
    int shutdownTimeoutMs = 10000;
    QString logLevel = QStringLiteral("info");
    QString logFormat = QStringLiteral("json");
    double rateLimitPerSecond = 50.0;
    int rateLimitBurst = 200;
    int authRateLimitPerMinute = 5; //!< failed logins per account and per address
    bool openRegistration = false;
    QByteArray jwtSecret; //!< empty: generated into the data dir on first start
    int jwtRotateDays = 0; //!< 0: rotate only by --rotate-jwt-key
    quint64 passwordOpsLimit = 2; //!< libsodium crypto_pwhash_OPSLIMIT_INTERACTIVE
    quint64 passwordMemLimit = 64ull * 1024 * 1024; //!< crypto_pwhash_MEMLIMIT_INTERACTIVE
    QString migrateCommand; //!< for RunMode::Migrate: status | up | down
    int migrateSteps = 1;

    QString sqlitePath() const;
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
//! Text for --help.
QString configHelpText();

} // namespace corkboard
