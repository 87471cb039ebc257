#include "server/host/headless.h"

#include "server/features/auth/jwt_key_store.h"
#include "server/features/auth/jwt_key_sync.h"
#include "server/features/common/server_context.h"
#include "server/host/server_host.h"
#include "server/host/unix_signals.h"
#include "server/host/worker_supervisor.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/config_database.h"
#include "server/platform/crypto.h"
#include "server/platform/data_dir_lock.h"
#include "server/platform/database.h"
#include "server/platform/database_copy.h"
#include "server/platform/file_privacy.h"
#include "server/platform/log.h"
#include "server/platform/migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace corkboard {

int runServe(const Config &config)
{
    ServerHost host(config);
    host.context().expectWorker = config.startWorker;
    WorkerSupervisor supervisor(host.context());
    // Watch for SIGTERM/SIGINT before anyone can learn our address: a signal that arrives right
    // after start-up must still shut down in order (it is handled once the event loop runs).
    UnixSignalWatcher watcher;
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &host,
        [&host, &supervisor](int number) {
            logging::write(lcServer(), QtInfoMsg, QStringLiteral("termination signal received"),
                {{QStringLiteral("signal"), number}});
            supervisor.stop();
            host.shutdown();
        });
    QObject::connect(&watcher, &UnixSignalWatcher::reloadRequested, &host, [&host] {
        if (host.reloadTls()) {
            QTextStream(stdout) << "TLS certificate reloaded; new SHA-256 fingerprint: "
                                << host.tlsFingerprint() << Qt::endl;
        }
    });
    try {
        host.start();
    } catch (const ConfigError &e) {
        // Found only when starting (the TLS certificate and key files): same exit as a bad flag.
        QTextStream(stderr) << "corkboard: invalid setting " << e.setting << ": " << e.problem
                            << Qt::endl;
        logging::write(lcServer(), QtCriticalMsg, QStringLiteral("server failed to start"),
            {{QStringLiteral("setting"), e.setting}, {QStringLiteral("error"), e.problem}});
        return 2;
    } catch (const std::exception &e) {
        logging::write(lcServer(), QtCriticalMsg, QStringLiteral("server failed to start"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
        return 1;
    }
    QTextStream(stdout) << "Corkboard is serving on " << host.baseUrl() << Qt::endl;
    if (const QString fingerprint = host.tlsFingerprint(); !fingerprint.isEmpty()) {
        // What people compare with the fingerprint their window shows on first connection.
        QTextStream(stdout) << "TLS certificate SHA-256 fingerprint: " << fingerprint << Qt::endl;
    } else if (host.context().insecureHttp) {
        QTextStream(stderr) << "WARNING: plain HTTP beyond loopback (--insecure-http): passwords "
                               "and tokens cross the network unencrypted."
                            << Qt::endl;
    }
    if (const QString code = host.setupCode(); !code.isEmpty()) {
        // Only here and in the log: never in a URL, a response or a file of its own.
        QTextStream(stdout) << "No account exists yet and this server is reachable from the "
                               "network.\nRegister the first account (the admin) with this "
                               "one-time setup code: "
                            << code << Qt::endl;
        logging::write(lcSecurity(), QtWarningMsg,
            QStringLiteral("first start: the first account needs the setup code"),
            {{QStringLiteral("setup_code"), code}});
    }
    if (config.startWorker)
        supervisor.start();
    QObject::connect(
        &host, &ServerHost::stopped, qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    return QCoreApplication::exec();
}

namespace {
// --migrate-to postgres://…: the data dir's SQLite database into an empty PostgreSQL database.
// No server may run on the data dir meanwhile (its lock, exclusively), so nothing changes under
// the copy; the attachment files stay in the data dir, which the PostgreSQL instance keeps using.
int runMigrateTo(const Config &config)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (config.usesPostgres()) {
        err << "corkboard: --migrate-to copies the data dir's SQLite database; unset "
               "CORKBOARD_DATABASE_URL (it names PostgreSQL)"
            << Qt::endl;
        return 2;
    }
    try {
        if (!QFileInfo::exists(config.sqlitePath())) {
            err << "corkboard: there is no database at " << config.sqlitePath() << Qt::endl;
            return 1;
        }
        const auto lock = DataDirLock::tryAcquire(config.dataDir, DataDirLock::Mode::Exclusive);
        if (!lock) {
            err << "corkboard: a server is running on " << config.dataDir << "; stop it first"
                << Qt::endl;
            return 1;
        }
        Database source(config, QStringLiteral("corkboard-migrate-to-source"));
        Config targetConfig = config;
        targetConfig.databaseUrl = config.migrateTarget;
        Database target(targetConfig, QStringLiteral("corkboard-migrate-to-target"));
        const CopyReport report = copySqliteToPostgres(source, target);
        qint64 rows = 0;
        for (const auto &t : report.tables) {
            out << QStringLiteral("%1 %2").arg(t.name, -28).arg(t.targetRows) << Qt::endl;
            rows += t.targetRows;
        }
        out << "copied " << rows << " row(s) of " << report.tables.size() << " table(s) into "
            << redactedDatabaseUrl(config.migrateTarget) << "; outbox at seq "
            << report.lastEventSeq << "; counts verified" << Qt::endl;
        return 0;
    } catch (const std::exception &e) {
        err << "migration to PostgreSQL failed: " << e.what() << Qt::endl;
        return 1;
    }
}
} // namespace

int runMigrate(const Config &config)
{
    if (config.migrateCommand == QLatin1String("to"))
        return runMigrateTo(config);
    try {
        QDir().mkpath(config.dataDir);
        file_privacy::secureDataDir(config.dataDir, config.sqlitePath());
        Database db(config, QStringLiteral("corkboard-migrate-cli"));
        Migrator migrator(db);
        QTextStream out(stdout);
        if (config.migrateCommand == QLatin1String("up")) {
            const int n = migrator.up(QDir(config.dataDir).filePath(QStringLiteral("backups")));
            out << "applied " << n << " migration(s)" << Qt::endl;
        } else if (config.migrateCommand == QLatin1String("down")) {
            const int n = migrator.down(config.migrateSteps);
            out << "reverted " << n << " migration(s)" << Qt::endl;
        }
        const auto status = migrator.status();
        for (const auto &s : status) {
            out << QStringLiteral("%1 %2 %3")
                       .arg(s.version, 4, 10, QLatin1Char('0'))
                       .arg(s.applied ? QStringLiteral("applied") : QStringLiteral("pending"),
                           s.name)
                << Qt::endl;
        }
        return 0;
    } catch (const std::exception &e) {
        QTextStream(stderr) << "migration failed: " << e.what() << Qt::endl;
        return 1;
    }
}

int runRotateJwtKey(const Config &config)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!config.jwtSecret.isEmpty()) {
        err << "corkboard: CORKBOARD_JWT_SECRET is set, so the signing key is fixed; rotate it by "
               "changing that setting"
            << Qt::endl;
        return 1;
    }
    try {
        crypto::initialize();
        QDir().mkpath(config.dataDir);
        SystemClock clock;
        QString kid;
        if (config.usesPostgres()) {
            // PostgreSQL: the keys every instance shares, in the database.
            Database db(config, QStringLiteral("corkboard-rotate-jwt-key"));
            kid = JwtKeySync::rotate(db, clock);
        } else {
            JwtKeyStore store(config, clock);
            store.load(); // creates the first key when there is none yet
            kid = JwtKeyStore::rotateFile(JwtKeyStore::keyFilePath(config), clock);
        }
        out << "new JWT signing key " << kid
            << (config.usesPostgres() ? " signs on every instance within 15 s" : " is current")
            << "; tokens signed with the previous key stay valid until they expire" << Qt::endl;
        return 0;
    } catch (const std::exception &e) {
        err << "corkboard: key rotation failed: " << e.what() << Qt::endl;
        return 1;
    }
}

} // namespace corkboard
