#include "server/features/backups/backup_service.h"

#include "server/features/backups/backup_repository.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "server/platform/migrator.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <functional>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace corkboard {

namespace {

const QString kStampFormat = QStringLiteral("yyyyMMdd'T'HHmmsszzz");

const QRegularExpression &ownName()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^corkboard-(scheduled|manual|pre-restore)-(\d{8}T\d{9})Z-v(\d{4})\.db$)"));
    return re;
}

const QRegularExpression &migrationName()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^corkboard-before-(\d{4})-(\d{8}T\d{6})\.db$)"));
    return re;
}

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(kStampFormat);
}

QString backupName(const QString &kind, const QDateTime &at, int schemaVersion)
{
    return QStringLiteral("corkboard-%1-%2Z-v%3.db")
        .arg(kind, stamp(at))
        .arg(schemaVersion, 4, 10, QLatin1Char('0'));
}

void makePrivateFolder(const QString &path)
{
    QDir().mkpath(path);
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

// An empty file only we may read, created here (never an existing one): VACUUM INTO writes into
// it, so the copy is private from its first byte.
void createPrivateEmpty(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw AppError(errno == EEXIST ? ErrorCode::Conflict : ErrorCode::Internal,
            errno == EEXIST ? QStringLiteral("a file with that name already exists")
                            : QStringLiteral("cannot create the backup file"));
    }
    ::close(fd);
}

void syncPath(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool renameOver(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

int newestKnownSchema()
{
    const auto migrations = Migrator::builtinMigrations();
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

} // namespace

BackupInfo describeBackupFile(const QString &path)
{
    const QFileInfo info(path);
    BackupInfo b;
    b.name = info.fileName();
    b.sizeBytes = info.size();
    const auto own = ownName().match(b.name);
    if (own.hasMatch()) {
        b.kind = own.captured(1);
        b.createdAt = QDateTime::fromString(own.captured(2), kStampFormat);
        b.createdAt.setTimeSpec(Qt::UTC);
        b.schemaVersion = own.captured(3).toInt();
        return b;
    }
    const auto migration = migrationName().match(b.name);
    if (migration.hasMatch()) {
        b.kind = QStringLiteral("pre-migration");
        b.createdAt
            = QDateTime::fromString(migration.captured(2), QStringLiteral("yyyyMMdd'T'HHmmss"));
        b.createdAt.setTimeSpec(Qt::UTC);
    } else {
        b.kind = QStringLiteral("other");
        b.createdAt = info.lastModified().toUTC();
    }
    b.schemaVersion = BackupRepository::inspect(path, false).schemaVersion;
    return b;
}

BackupService::BackupService(const Config &config, const Clock &clock)
    : m_config(config)
    , m_clock(clock)
{
}

QString BackupService::folder() const
{
    return QDir(m_config.dataDir).filePath(QStringLiteral("backups"));
}

int BackupService::testHoldMs()
{
    return qEnvironmentVariableIntValue("CORKBOARD_TEST_BACKUP_HOLD_MS");
}

void BackupService::removeStalePartials() const
{
    const QDir dir(folder());
    const auto partials = dir.entryInfoList(
        {QStringLiteral(".*.partial")}, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const auto &p : partials) {
        if (p.lastModified().toUTC() < cutoff)
            QFile::remove(p.absoluteFilePath());
    }
}

BackupInfo BackupService::writeVerified(const QString &finalPath, const QString &kind)
{
    if (m_config.usesPostgres()) // a file copy of the database is an SQLite thing
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("the database is PostgreSQL: back it up with pg_dump"));
    const QDateTime at = m_clock.now().toUTC();
    const QFileInfo target(finalPath);
    const bool ownFolder = finalPath.isEmpty();
    const QString dir = ownFolder ? folder() : target.absolutePath();
    if (ownFolder) {
        makePrivateFolder(dir);
        removeStalePartials();
    }
    static QAtomicInt counter;
    const QString partial = QDir(dir).filePath(QStringLiteral(".corkboard-%1-%2-%3.partial")
                                                   .arg(kind, stamp(at))
                                                   .arg(counter.fetchAndAddRelaxed(1)));
    createPrivateEmpty(partial);
    struct RemoveUnlessKept
    {
        QString path;
        bool keep = false;
        ~RemoveUnlessKept()
        {
            if (!keep)
                QFile::remove(path);
        }
    } cleanup {partial};

    {
        static QAtomicInt connections;
        Database source(
            m_config, QStringLiteral("corkboard-backup-%1").arg(connections.fetchAndAddRelaxed(1)));
        BackupRepository::copyLive(source, partial);
    }
    if (const int hold = testHoldMs(); hold > 0) {
        logging::write(lcDb(), QtInfoMsg, QStringLiteral("backup copy written, not yet in place"),
            {{QStringLiteral("partial"), QFileInfo(partial).fileName()}});
        QThread::msleep(ulong(hold));
    }
    const auto check = BackupRepository::inspect(partial, true);
    if (!check.ok) {
        logging::write(lcDb(), QtCriticalMsg, QStringLiteral("backup failed verification"),
            {{QStringLiteral("problem"), check.problem}});
        throw AppError(ErrorCode::Internal, QStringLiteral("the backup copy failed verification"));
    }
    const QString path
        = ownFolder ? QDir(dir).filePath(backupName(kind, at, check.schemaVersion)) : finalPath;
    if (QFileInfo::exists(path))
        throw AppError(ErrorCode::Conflict, QStringLiteral("a file with that name already exists"));
    syncPath(partial);
    if (!renameOver(partial, path))
        throw AppError(ErrorCode::Internal, QStringLiteral("cannot move the backup into place"));
    cleanup.keep = true;
    syncPath(dir);
    BackupInfo info = describeBackupFile(path);
    if (!ownFolder) {
        info.kind = kind;
        info.createdAt = at;
        info.schemaVersion = check.schemaVersion;
    }
    logging::write(lcDb(), QtInfoMsg, QStringLiteral("backup written"),
        {{QStringLiteral("backup"), info.name}, {QStringLiteral("kind"), kind},
            {QStringLiteral("size_bytes"), info.sizeBytes},
            {QStringLiteral("schema_version"), check.schemaVersion}});
    return info;
}

BackupInfo BackupService::create(const QString &kind)
{
    return writeVerified(QString(), kind);
}

BackupInfo BackupService::createAt(const QString &file)
{
    if (QFileInfo::exists(file))
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("%1 already exists; choose a new file name").arg(file));
    if (!QFileInfo(QFileInfo(file).absolutePath()).isDir())
        throw AppError(
            ErrorCode::NotFound, QStringLiteral("the folder of %1 does not exist").arg(file));
    return writeVerified(QFileInfo(file).absoluteFilePath(), QStringLiteral("manual"));
}

BackupInfo BackupService::createForAdmin(bool callerIsAdmin)
{
    if (!callerIsAdmin)
        throw AppError(ErrorCode::Forbidden, QStringLiteral("only server admins make backups"));
    return create(QStringLiteral("manual"));
}

QList<BackupInfo> BackupService::listForAdmin(bool callerIsAdmin)
{
    if (!callerIsAdmin)
        throw AppError(ErrorCode::Forbidden, QStringLiteral("only server admins see backups"));
    return list();
}

QList<BackupInfo> BackupService::list() const
{
    QList<BackupInfo> out;
    const auto files = QDir(folder()).entryInfoList({QStringLiteral("*.db")}, QDir::Files);
    for (const auto &f : files)
        out.append(describeBackupFile(f.absoluteFilePath()));
    std::sort(out.begin(), out.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.name > b.name;
    });
    return out;
}

bool BackupService::runScheduled(qint64 slotStartMs)
{
    if (m_config.usesPostgres())
        return false; // PostgreSQL is backed up by its operator (pg_dump, base backups)
    const auto existing = list();
    for (const auto &b : existing) {
        if (b.kind == QLatin1String("scheduled") && b.createdAt.toMSecsSinceEpoch() >= slotStartMs)
            return false; // this slot's backup was already made (a repeated job)
    }
    create(QStringLiteral("scheduled"));
    applyRetention();
    return true;
}

QStringList BackupService::applyRetention()
{
    QList<BackupInfo> scheduled;
    const auto all = list(); // newest first
    for (const auto &b : all) {
        if (b.kind == QLatin1String("scheduled"))
            scheduled.append(b);
    }
    QSet<QString> keep;
    QSet<QDate> days;
    for (const auto &b : std::as_const(scheduled)) {
        const QDate day = b.createdAt.toUTC().date();
        if (!days.contains(day) && days.size() < m_config.backupKeepDaily) {
            days.insert(day);
            keep.insert(b.name);
        }
    }
    QSet<int> weeks;
    for (const auto &b : std::as_const(scheduled)) {
        if (keep.contains(b.name))
            continue;
        int year = 0;
        const int week = b.createdAt.toUTC().date().weekNumber(&year);
        const int key = year * 100 + week;
        if (!weeks.contains(key) && weeks.size() < m_config.backupKeepWeekly) {
            weeks.insert(key);
            keep.insert(b.name);
        }
    }
    QStringList deleted;
    for (const auto &b : std::as_const(scheduled)) {
        if (!keep.contains(b.name) && QFile::remove(QDir(folder()).filePath(b.name)))
            deleted.append(b.name);
    }
    if (!deleted.isEmpty()) {
        logging::write(lcDb(), QtInfoMsg, QStringLiteral("old scheduled backups deleted"),
            {{QStringLiteral("count"), int(deleted.size())}});
    }
    return deleted;
}

BackupService::RestoreResult BackupService::restore(const QString &file)
{
    if (m_config.usesPostgres())
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("the database is PostgreSQL: restore it with pg_restore"));
    const QFileInfo source(file);
    if (!source.isFile())
        throw AppError(ErrorCode::NotFound, QStringLiteral("%1 is not a file").arg(file));
    const QString live = m_config.sqlitePath();
    const QString incoming = live + QStringLiteral(".restoring");
    QFile::remove(incoming);
    createPrivateEmpty(incoming);
    struct RemoveUnlessKept
    {
        QString path;
        bool keep = false;
        ~RemoveUnlessKept()
        {
            if (!keep)
                QFile::remove(path);
        }
    } cleanup {incoming};
    {
        QFile in(file);
        QFile out(incoming);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw AppError(ErrorCode::Unavailable, QStringLiteral("cannot read %1").arg(file));
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(1 << 20);
            if (chunk.isEmpty() || out.write(chunk) != chunk.size())
                throw AppError(ErrorCode::Unavailable, QStringLiteral("cannot copy %1").arg(file));
        }
    }
    const auto check = BackupRepository::inspect(incoming, true);
    if (!check.ok)
        throw AppError(
            ErrorCode::ValidationFailed, QStringLiteral("%1: %2").arg(file, check.problem));
    const int newest = newestKnownSchema();
    if (check.schemaVersion > newest) {
        throw AppError(ErrorCode::ValidationFailed,
            QStringLiteral("%1 is from a newer Corkboard (schema %2; this program knows up to %3)")
                .arg(file)
                .arg(check.schemaVersion)
                .arg(newest));
    }
    syncPath(incoming);

    RestoreResult result;
    result.restoredSchemaVersion = check.schemaVersion;
    if (QFileInfo::exists(live)) {
        makePrivateFolder(folder());
        BackupRepository::checkpoint(live);
        const int current = BackupRepository::inspect(live, false).schemaVersion;
        const QString aside = QDir(folder()).filePath(
            backupName(QStringLiteral("pre-restore"), m_clock.now(), current));
        if (!renameOver(live, aside))
            throw AppError(
                ErrorCode::Internal, QStringLiteral("cannot move the current database aside"));
        QFile::setPermissions(aside, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        for (const char *suffix : {"-wal", "-shm"}) {
            const QString side = live + QLatin1String(suffix);
            if (QFileInfo::exists(side))
                renameOver(side, aside + QLatin1String(suffix));
        }
        result.keptAside = aside;
    }
    if (!renameOver(incoming, live)) {
        if (!result.keptAside.isEmpty())
            renameOver(result.keptAside, live);
        throw AppError(
            ErrorCode::Internal, QStringLiteral("cannot put the restored database in place"));
    }
    cleanup.keep = true;
    syncPath(QFileInfo(live).absolutePath());
    {
        Database db(m_config, QStringLiteral("corkboard-restore"));
        Migrator migrator(db);
        result.migrationsApplied = migrator.up(folder());
    }
    logging::write(lcDb(), QtInfoMsg, QStringLiteral("database restored"),
        {{QStringLiteral("schema_version"), check.schemaVersion},
            {QStringLiteral("migrations_applied"), result.migrationsApplied}});
    return result;
}

} // namespace corkboard
