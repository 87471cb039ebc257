// The hardened edge of a real server process (issue 12): a first start reachable from the network
// needs the setup code it printed; every file in the data dir is private, old ones are fixed; no
// secret is on the command line of the server or its worker; the desktop's embedded server stays on
// loopback until the first account exists.
#include "server/features/auth/jwt_codec.h"
#include "server/platform/crypto.h"
#include "tests/support/server_process.h"
#include "tests/support/test_server.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <sys/stat.h>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

QString binary()
{
    return qEnvironmentVariable("CORKBOARD_BINARY");
}

QString url(ServerProcess &server, const QString &path)
{
    // Beyond loopback the server speaks HTTPS with its own certificate: trust what it printed.
    if (const QString fingerprint = server.tlsFingerprint(); !fingerprint.isEmpty())
        trustFingerprint(fingerprint);
    return server.url(path);
}

HttpResult registerFirst(ServerProcess &server, const std::optional<QString> &setupCode)
{
    QJsonObject body {{QStringLiteral("email"), QStringLiteral("owner@example.com")},
        {QStringLiteral("password"), kPassword},
        {QStringLiteral("display_name"), QStringLiteral("Owner")}};
    if (setupCode)
        body.insert(QStringLiteral("setup_code"), *setupCode);
    return httpJson("POST", url(server, QStringLiteral("/api/v1/auth/register")), body);
}

QString fieldErrorCode(const HttpResult &r, const QString &field)
{
    const auto errors = r.json().value(QStringLiteral("errors")).toArray();
    for (const auto &e : errors) {
        if (e.toObject().value(QStringLiteral("field")).toString() == field)
            return e.toObject().value(QStringLiteral("code")).toString();
    }
    return QString();
}

QByteArray procFile(qint64 pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

//! The pid of a child process of `parent` (the supervised worker), 0 when none yet.
qint64 childOf(qint64 parent)
{
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        bool numeric = false;
        const qint64 pid = it.fileName().toLongLong(&numeric);
        if (!numeric)
            continue;
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
        const QByteArray stat = procFile(pid, "stat");
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            return pid;
    }
    return 0;
}

//! Every file (and folder) in the tree with group or other permission bits set.
QStringList notPrivate(const QString &dir)
{
    QStringList out;
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(dir).constData(), &st) != 0 || (st.st_mode & 0777) != 0700)
        out.append(dir + QStringLiteral(" (dir %1)").arg(st.st_mode & 0777, 0, 8));
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        const unsigned wanted = S_ISDIR(st.st_mode) ? 0700 : 0600;
        if (!S_ISLNK(st.st_mode) && (st.st_mode & 0777) != wanted)
            out.append(path + QStringLiteral(" (%1)").arg(st.st_mode & 0777, 0, 8));
    }
    return out;
}

bool runCli(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(binary(), arguments);
    const bool ok
        = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (output)
        *output = p.readAll();
    return ok;
}
} // namespace

class TestServerSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!binary().isEmpty(), "CORKBOARD_BINARY is set by CTest"); }
    void firstStartOnTheNetworkNeedsTheSetupCode();
    void loopbackFirstStartNeedsNoCode();
    void dataFilesArePrivateAndOldOnesFixed();
    void noSecretOnAnyCommandLine();
    void desktopStaysOnLoopbackUntilTheFirstAccount();
};

void TestServerSecurity::firstStartOnTheNetworkNeedsTheSetupCode()
{
    ServerProcess server({QStringLiteral("--host"), QStringLiteral("0.0.0.0")});
    QVERIFY2(server.start(), qPrintable(server.error()));
    QVERIFY(server.waitForStdout("setup code: ", 10000));
    static const QRegularExpression codeLine(
        QStringLiteral(R"(setup code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}))"));
    const auto match = codeLine.match(QString::fromUtf8(server.stdoutText()));
    QVERIFY(match.hasMatch());
    const QString code = match.captured(1);
    // Printed on the console and in the log; nowhere a client or another user could read it.
    QTRY_VERIFY_WITH_TIMEOUT(server.stderrText().contains(code.toLatin1()), 10000);
    QVERIFY(!procFile(server.pid(), "cmdline").contains(code.toLatin1()));
    QVERIFY(!procFile(server.pid(), "environ").contains(code.toLatin1()));

    const auto info = http("GET", url(server, QStringLiteral("/api/v1/server-info")));
    QCOMPARE(info.status, 200);
    QCOMPARE(info.data().value(QStringLiteral("setup_required")).toBool(), true);
    QCOMPARE(info.data().value(QStringLiteral("setup_code_required")).toBool(), true);
    QVERIFY(!info.body.contains(code.toLatin1()));

    const auto without = registerFirst(server, std::nullopt);
    QCOMPARE(without.status, 422);
    QCOMPARE(fieldErrorCode(without, QStringLiteral("setup_code")), QStringLiteral("required"));
    const auto wrong = registerFirst(server, QStringLiteral("AAAA-BBBB-CCCC"));
    QCOMPARE(wrong.status, 422);
    QCOMPARE(fieldErrorCode(wrong, QStringLiteral("setup_code")), QStringLiteral("invalid"));
    QVERIFY(!wrong.body.contains(code.toLatin1()));
    // Nothing was created by the refused attempts.
    QCOMPARE(http("GET", url(server, QStringLiteral("/api/v1/server-info")))
                 .data()
                 .value(QStringLiteral("setup_required"))
                 .toBool(),
        true);

    // Typed as read from the console, in lower case with the dashes, or not: accepted.
    const auto accepted = registerFirst(server, code.toLower());
    QCOMPARE(accepted.status, 201);
    QCOMPARE(accepted.data()
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("role"))
                 .toString(),
        QStringLiteral("admin"));
    const auto after = http("GET", url(server, QStringLiteral("/api/v1/server-info")));
    QCOMPARE(after.data().value(QStringLiteral("setup_required")).toBool(), false);
    QCOMPARE(after.data().value(QStringLiteral("setup_code_required")).toBool(), false);

    // One-time: the code is spent; never stored in the data dir.
    server.terminate();
    QVERIFY(server.waitForExit(15000));
    QDirIterator files(server.dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(code.toLatin1()) && !bytes.contains(code.toLower().toLatin1()),
            qPrintable(f.fileName()));
    }
    ServerProcess again({QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
        QStringLiteral("--data-dir"), server.dataDir()});
    QVERIFY2(again.start(), qPrintable(again.error()));
    QVERIFY(again.waitForStderr("server listening", 10000));
    QVERIFY(!again.stdoutText().contains("setup code"));
}

void TestServerSecurity::loopbackFirstStartNeedsNoCode()
{
    ServerProcess server; // 127.0.0.1
    QVERIFY2(server.start(), qPrintable(server.error()));
    QVERIFY(server.waitForStderr("server listening", 10000));
    QVERIFY(!server.stdoutText().contains("setup code"));
    const auto info = http("GET", url(server, QStringLiteral("/api/v1/server-info")));
    QCOMPARE(info.data().value(QStringLiteral("setup_required")).toBool(), true);
    QCOMPARE(info.data().value(QStringLiteral("setup_code_required")).toBool(), false);
    QCOMPARE(registerFirst(server, std::nullopt).status, 201);
}

void TestServerSecurity::dataFilesArePrivateAndOldOnesFixed()
{
    // An older install: a database one migration behind, everything world-readable.
    ServerProcess first;
    QVERIFY2(first.start(), qPrintable(first.error()));
    first.terminate();
    QVERIFY(first.waitForExit(15000));
    const QString dir = first.dataDir();
    QByteArray output;
    QVERIFY2(runCli({QStringLiteral("--migrate"), QStringLiteral("down"), QStringLiteral("1"),
                        QStringLiteral("--data-dir"), dir},
                 &output),
        output.constData());
    QFile::setPermissions(dir,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOther);
    QDirIterator it(
        dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ::chmod(QFile::encodeName(path).constData(), it.fileInfo().isDir() ? 0755 : 0644);
    }
    QVERIFY(!notPrivate(dir).isEmpty());

    // This version starts on it: migrates (taking a backup first) and fixes what it finds.
    ServerProcess second({QStringLiteral("--data-dir"), dir});
    QVERIFY2(second.start(), qPrintable(second.error()));
    QVERIFY(second.waitForStderr("server listening", 10000));
    const auto registered = httpJson("POST", url(second, QStringLiteral("/api/v1/auth/register")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("a@example.com")},
            {QStringLiteral("password"), kPassword},
            {QStringLiteral("display_name"), QStringLiteral("A")}});
    QCOMPARE(registered.status, 201);

    QStringList names;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext())
        names.append(QDir(dir).relativeFilePath(files.next()));
    QVERIFY2(names.contains(QStringLiteral("corkboard.db")), qPrintable(names.join(u' ')));
    QVERIFY2(names.contains(QStringLiteral("corkboard.db-wal")), qPrintable(names.join(u' ')));
    QVERIFY2(names.contains(QStringLiteral("corkboard.db-shm")), qPrintable(names.join(u' ')));
    QVERIFY2(names.filter(QRegularExpression(QStringLiteral("^backups/corkboard-before-.*\\.db$")))
                 .size()
            == 1,
        qPrintable(names.join(u' ')));
    QVERIFY2(names.size() >= 5, qPrintable(names.join(u' '))); // + the JWT key file
    const QStringList open = notPrivate(dir);
    QVERIFY2(open.isEmpty(), qPrintable(open.join(u' ')));
}

void TestServerSecurity::noSecretOnAnyCommandLine()
{
    QTemporaryDir secrets;
    const QByteArray secret = "s3cr3t-" + crypto::randomBytes(24).toHex();
    const QString secretFile = secrets.filePath(QStringLiteral("jwt.secret"));
    {
        QFile f(secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(secret + '\n');
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("CORKBOARD_JWT_SECRET_FILE"), secretFile);
    ServerProcess server({QStringLiteral("--start-worker"), QStringLiteral("true"),
                             QStringLiteral("--job-poll-ms"), QStringLiteral("321")},
        env);
    QVERIFY2(server.start(), qPrintable(server.error()));
    qint64 worker = 0;
    QVERIFY(QTest::qWaitFor([&] { return (worker = childOf(server.pid())) != 0; }, 20000));
    // The worker has exec'd itself (its cmdline is no longer the fork's copy of ours).
    QVERIFY(
        QTest::qWaitFor([&] { return procFile(worker, "cmdline").contains("--worker"); }, 10000));

    const QByteArray serverLine = procFile(server.pid(), "cmdline");
    const QByteArray workerLine = procFile(worker, "cmdline");
    QVERIFY(!serverLine.isEmpty());
    QVERIFY(!serverLine.contains(secret));
    QVERIFY(!workerLine.contains(secret));
    // The worker's whole command line is the mode: its settings come through its environment.
    QCOMPARE(workerLine.split('\0').mid(1, 1), QList<QByteArray> {"--worker"});
    QCOMPARE(workerLine.count('\0'), 2);
    const QByteArray workerEnv = procFile(worker, "environ");
    QVERIFY(workerEnv.contains("CORKBOARD_JOB_POLL_MS=321"));
    QVERIFY(workerEnv.contains(
        QByteArray("CORKBOARD_DATA_DIR=" + QFile::encodeName(server.dataDir()))));
    // The worker signs nothing: it does not even get the secret's location.
    QVERIFY(!workerEnv.contains(secret));
    QVERIFY(!workerEnv.contains("CORKBOARD_JWT_SECRET"));

    // The secret from the file is the one the server signs with.
    const auto registered = httpJson("POST", url(server, QStringLiteral("/api/v1/auth/register")),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("a@example.com")},
            {QStringLiteral("password"), kPassword},
            {QStringLiteral("display_name"), QStringLiteral("A")}});
    QCOMPARE(registered.status, 201);
    const QByteArray token = registered.data()
                                 .value(QStringLiteral("tokens"))
                                 .toObject()
                                 .value(QStringLiteral("access_token"))
                                 .toString()
                                 .toLatin1();
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const QByteArray resigned
        = JwtCodec::sign(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding),
            QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding), secret);
    QCOMPARE(resigned, token);

    // The flag itself is refused, naming the way that works.
    QProcess flagged;
    flagged.setProcessChannelMode(QProcess::MergedChannels);
    flagged.start(binary(),
        {QStringLiteral("--serve"), QStringLiteral("--jwt-secret"), QString::fromLatin1(secret)});
    QVERIFY(flagged.waitForFinished(30000));
    QCOMPARE(flagged.exitCode(), 2);
    QVERIFY(flagged.readAll().contains("CORKBOARD_JWT_SECRET_FILE"));
}

void TestServerSecurity::desktopStaysOnLoopbackUntilTheFirstAccount()
{
    QTemporaryDir dir;
    auto desktopShared = [&](Config &c) {
        c = testConfig(dir.path());
        c.mode = RunMode::Desktop;
        c.host = QStringLiteral("0.0.0.0"); // "Share on LAN" is on
    };
    {
        TestServer server(desktopShared);
        QCOMPARE(server.host().listenHost(), QStringLiteral("127.0.0.1"));
        QVERIFY(server.host().setupCode().isEmpty());
        const auto r = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")),
            QJsonObject {{QStringLiteral("email"), QStringLiteral("me@example.com")},
                {QStringLiteral("password"), kPassword},
                {QStringLiteral("display_name"), QStringLiteral("Me")}});
        QCOMPARE(r.status, 201);
    }
    // Once its owner has an account, the next start shares as configured.
    TestServer again(desktopShared);
    QCOMPARE(again.host().listenHost(), QStringLiteral("0.0.0.0"));
}

QTEST_MAIN(TestServerSecurity)
#include "test_server_security.moc"
