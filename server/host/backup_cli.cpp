#include "server/host/backup_cli.h"

#include "server/features/backups/backup_service.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/data_dir_lock.h"

#include <QDir>
#include <QLocale>
#include <QTextStream>

namespace corkboard {

int runBackup(const Config &config)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    try {
        SystemClock clock;
        BackupService service(config, clock);
        if (config.backupList) {
            const auto backups = service.list();
            out << "backups in " << service.folder() << ":" << Qt::endl;
            for (const auto &b : backups) {
                out << QStringLiteral("%1  %2  %3 bytes  schema %4  %5")
                           .arg(b.createdAt.toString(Qt::ISODate), b.kind.leftJustified(13))
                           .arg(b.sizeBytes, 12)
                           .arg(b.schemaVersion, 4, 10, QLatin1Char('0'))
                           .arg(b.name)
                    << Qt::endl;
            }
            if (backups.isEmpty())
                out << "(none)" << Qt::endl;
            return 0;
        }
        const auto info = config.backupFile.isEmpty() ? service.create(QStringLiteral("manual"))
                                                      : service.createAt(config.backupFile);
        const QString where = config.backupFile.isEmpty()
            ? QDir(service.folder()).filePath(info.name)
            : config.backupFile;
        out << "backup written and verified: " << where << " (" << info.sizeBytes
            << " bytes, schema " << info.schemaVersion << ")" << Qt::endl;
        return 0;
    } catch (const AppError &e) {
        err << "corkboard: backup failed: " << e.detail() << Qt::endl;
    } catch (const std::exception &e) {
        err << "corkboard: backup failed: " << e.what() << Qt::endl;
    }
    return 1;
}

int runRestore(const Config &config)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    try {
        const auto lock = DataDirLock::tryAcquire(config.dataDir, DataDirLock::Mode::Exclusive);
        if (!lock) {
            err << "corkboard: a Corkboard server is running on " << config.dataDir
                << "; stop it before restoring (nothing was changed)" << Qt::endl;
            return 3;
        }
        SystemClock clock;
        BackupService service(config, clock);
        const auto result = service.restore(config.restoreFile);
        out << "restored " << config.restoreFile << " (schema " << result.restoredSchemaVersion
            << ", " << result.migrationsApplied << " migration(s) applied)" << Qt::endl;
        if (!result.keptAside.isEmpty())
            out << "the previous database was kept as " << result.keptAside << Qt::endl;
        return 0;
    } catch (const AppError &e) {
        err << "corkboard: restore refused: " << e.detail() << " (nothing was changed)" << Qt::endl;
    } catch (const std::exception &e) {
        err << "corkboard: restore failed: " << e.what() << Qt::endl;
    }
    return 1;
}

} // namespace corkboard
