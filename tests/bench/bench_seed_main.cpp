// Seeds a data directory for tests/bench/compare.sh: an account with a known password, nine more
// members, a 200-card and a 5,000-card board of the benchmark shape (tests/bench/bench_seed.h).
// Both builds being compared are then started on copies of this directory, so they serve the
// same rows and their answers can be compared byte for byte.
// Usage: bench_seed <data dir>   (prints shell assignments on stdout)
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"
#include "tests/bench/bench_seed.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

using namespace corkboard;
using namespace corkboard::test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    logging::install(logging::Format::Json, QStringLiteral("warning"));
    crypto::initialize();
    if (argc < 2)
        qFatal("usage: bench_seed <data dir>");
    const QString dir = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    QDir().mkpath(dir);
    const QString password = QStringLiteral("bench password 1");
    QStringList members;
    RegisteredUser owner;
    bench::SeededBoard small;
    bench::SeededBoard large;
    {
        TestServer server([dir](Config &c) {
            c.dataDir = dir;
            c.databaseUrl = QStringLiteral("sqlite:") + dir + QStringLiteral("/corkboard.db");
            c.startWorker = false;
        });
        owner = registerUser(server, QStringLiteral("bench-owner@example.com"), password,
            QStringLiteral("Bench Owner"));
        for (int i = 1; i <= 9; ++i)
            members.append(registerUser(server, QStringLiteral("member%1@example.com").arg(i),
                password, QStringLiteral("Member %1").arg(i))
                               .userId);
        Database db(server.config(), QStringLiteral("bench-seed"));
        small = bench::seedBoard(db, owner.userId, members, 200);
        large = bench::seedBoard(db, owner.userId, members, 5000);
    }
    QTextStream out(stdout);
    out << "EMAIL=bench-owner@example.com\n"
        << "PASSWORD='" << password << "'\n"
        << "BOARD200=" << small.id << "\n"
        << "COLUMN200=" << small.firstColumnId << "\n"
        << "BOARD5000=" << large.id << "\n";
    return 0;
}
