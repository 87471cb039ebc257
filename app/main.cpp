// corkboard: one executable, three shapes — the desktop window (with its embedded server),
// `--serve` (headless server) and `--worker` (background jobs).
#include "server/host/backup_cli.h"
#include "server/host/headless.h"
#include "server/host/worker_process.h"
#include "server/platform/config.h"
#include "server/platform/file_privacy.h"
#include "server/platform/log.h"

#ifdef CORKBOARD_WITH_GUI
#include "app/shell/desktop.h"
#include <QApplication>
#endif

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>
#include <cstring>
#include <memory>

namespace {
bool hasArgument(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    using namespace corkboard;
    const bool serverShape = hasArgument(argc, argv, "--serve")
        || hasArgument(argc, argv, "--worker") || hasArgument(argc, argv, "--migrate")
        || hasArgument(argc, argv, "--rotate-jwt-key") || hasArgument(argc, argv, "--backup")
        || hasArgument(argc, argv, "--restore");
    // The server shapes create nothing others may read (database, backups, keys, logs). The
    // desktop gets the same umask when its embedded server starts.
    if (serverShape)
        file_privacy::restrictUmask();
    [[maybe_unused]] const bool headless = hasArgument(argc, argv, "--serve")
        || hasArgument(argc, argv, "--worker") || hasArgument(argc, argv, "--migrate")
        || hasArgument(argc, argv, "--rotate-jwt-key") || hasArgument(argc, argv, "--help")
        || hasArgument(argc, argv, "-h") || hasArgument(argc, argv, "--version")
        || hasArgument(argc, argv, "--backup") || hasArgument(argc, argv, "--restore");
    std::unique_ptr<QCoreApplication> app;
#ifdef CORKBOARD_WITH_GUI
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
#else
    app = std::make_unique<QCoreApplication>(argc, argv);
#endif
    QCoreApplication::setOrganizationName(QStringLiteral("corkboard"));
    QCoreApplication::setApplicationName(QStringLiteral("corkboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORKBOARD_VERSION));

    QTextStream out(stdout);
    if (hasArgument(argc, argv, "--version")) {
        out << "corkboard " << CORKBOARD_VERSION << Qt::endl;
        return 0;
    }
    if (hasArgument(argc, argv, "--help") || hasArgument(argc, argv, "-h")) {
        out << "Usage: corkboard [--serve | --worker | --migrate status|up|down [N] | "
               "--rotate-jwt-key | --backup [FILE] | --backup --list | --restore FILE] "
               "[options]\n\n"
               "  (no mode)         open the desktop window with its own board server\n"
               "  --serve           run the headless server for a team\n"
               "  --worker          run the background job worker\n"
               "  --migrate         show, apply or revert database migrations\n"
               "  --rotate-jwt-key  add a new signing key for access tokens\n"
               "  --backup [FILE]   write a verified backup (while serving is fine)\n"
               "  --backup --list   list the backups in <data dir>/backups\n"
               "  --restore FILE    replace the database with a backup (server stopped)\n"
               "\nOptions:\n"
            << configHelpText() << Qt::endl;
        return 0;
    }

    Config config;
    try {
        config
            = loadConfig(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    } catch (const ConfigError &e) {
        QTextStream(stderr) << "corkboard: invalid setting " << e.setting << ": " << e.problem
                            << Qt::endl;
        return 2;
    }
    logging::install(
        config.logFormat == QLatin1String("text") ? logging::Format::Text : logging::Format::Json,
        config.logLevel);

    switch (config.mode) {
    case RunMode::Serve:
        return runServe(config);
    case RunMode::Migrate:
        return runMigrate(config);
    case RunMode::Worker:
        return runWorker(config);
    case RunMode::RotateJwtKey:
        return runRotateJwtKey(config);
    case RunMode::Backup:
        return runBackup(config);
    case RunMode::Restore:
        return runRestore(config);
    case RunMode::Desktop:
#ifdef CORKBOARD_WITH_GUI
        return runDesktop(config);
#else
        QTextStream(stderr) << "corkboard: built without the desktop window; use --serve"
                            << Qt::endl;
        return 1;
#endif
    }
    return 1;
}
