// Config: CORKBOARD_* variables and flags parsed once; invalid values name the setting, and the
// real binary exits with status 2.
#include "server/platform/config.h"
#include "server/platform/config_database.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;

namespace {
QProcessEnvironment envWith(std::initializer_list<std::pair<const char *, const char *>> values)
{
    QProcessEnvironment env;
    for (const auto &v : values)
        env.insert(QString::fromLatin1(v.first), QString::fromLatin1(v.second));
    return env;
}

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out {QStringLiteral("corkboard")};
    for (const char *a : list)
        out.append(QString::fromLatin1(a));
    return out;
}

QString binary()
{
    return qEnvironmentVariable("CORKBOARD_BINARY");
}
} // namespace

class TestConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsForServe()
    {
        QTemporaryDir dir;
        const Config c
            = loadConfig(args({"--serve", "--data-dir", dir.path().toUtf8().constData()}),
                QProcessEnvironment());
        QCOMPARE(c.mode, RunMode::Serve);
        QCOMPARE(c.port, 8080);
        QCOMPARE(c.maxBodyBytes, qint64(1024 * 1024));
        QVERIFY(c.threads >= 1);
        QCOMPARE(c.databaseUrl,
            QStringLiteral("sqlite:") + dir.path() + QStringLiteral("/corkboard.db"));
    }

    void environmentIsRead()
    {
        const Config c = loadConfig(args({}),
            envWith({{"CORKBOARD_PORT", "9000"}, {"CORKBOARD_THREADS", "3"},
                {"CORKBOARD_CORS_ORIGINS", "https://a.example, http://b.example:8080"},
                {"CORKBOARD_MAX_BODY_BYTES", "2048"}, {"CORKBOARD_LOG_LEVEL", "WARNING"},
                {"CORKBOARD_OPEN_REGISTRATION", "yes"}}));
        QCOMPARE(c.port, 9000);
        QCOMPARE(c.threads, 3);
        QCOMPARE(c.corsOrigins,
            (QStringList {
                QStringLiteral("https://a.example"), QStringLiteral("http://b.example:8080")}));
        QCOMPARE(c.maxBodyBytes, qint64(2048));
        QCOMPARE(c.logLevel, QStringLiteral("warning"));
        QVERIFY(c.openRegistration);
    }

    void flagsWinOverEnvironment()
    {
        const Config c
            = loadConfig(args({"--port", "7001", "--threads", "2", "--log-level", "error"}),
                envWith({{"CORKBOARD_PORT", "9000"}, {"CORKBOARD_THREADS", "5"},
                    {"CORKBOARD_LOG_LEVEL", "debug"}}));
        QCOMPARE(c.port, 7001);
        QCOMPARE(c.threads, 2);
        QCOMPARE(c.logLevel, QStringLiteral("error"));
    }

    void invalidValuesNameTheSetting_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("port too large") << "CORKBOARD_PORT"
                                        << "70000";
        QTest::newRow("port not a number") << "CORKBOARD_PORT"
                                           << "eighty";
        QTest::newRow("threads zero") << "CORKBOARD_THREADS"
                                      << "0";
        QTest::newRow("origin with path") << "CORKBOARD_CORS_ORIGINS"
                                          << "https://a.example/app";
        QTest::newRow("origin scheme") << "CORKBOARD_CORS_ORIGINS"
                                       << "ftp://a.example";
        QTest::newRow("tiny body limit") << "CORKBOARD_MAX_BODY_BYTES"
                                         << "10";
        QTest::newRow("log level") << "CORKBOARD_LOG_LEVEL"
                                   << "verbose";
        QTest::newRow("log format") << "CORKBOARD_LOG_FORMAT"
                                    << "xml";
        QTest::newRow("rate") << "CORKBOARD_RATE_LIMIT_RPS"
                              << "-1";
        QTest::newRow("bool") << "CORKBOARD_OPEN_REGISTRATION"
                              << "maybe";
        QTest::newRow("short jwt secret") << "CORKBOARD_JWT_SECRET"
                                          << "short";
        QTest::newRow("database url") << "CORKBOARD_DATABASE_URL"
                                      << "postgres://x";
        QTest::newRow("password in database url") << "CORKBOARD_DATABASE_URL"
                                                  << "postgres://u:secret@db.example/cb";
        QTest::newRow("database sslmode") << "CORKBOARD_DATABASE_URL"
                                          << "postgres://u@db.example/cb?sslmode=sometimes";
        QTest::newRow("database parameter") << "CORKBOARD_DATABASE_URL"
                                            << "postgres://u@db.example/cb?password=x";
        QTest::newRow("database connect timeout") << "CORKBOARD_DATABASE_URL"
                                                  << "postgres://u@h/cb?connect_timeout=0";
        QTest::newRow("empty host") << "CORKBOARD_HOST"
                                    << " ";
        QTest::newRow("header timeout") << "CORKBOARD_HEADER_TIMEOUT_MS"
                                        << "5";
    }

    void invalidValuesNameTheSetting()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment env;
        env.insert(variable, value);
        try {
            loadConfig(args({}), env);
            QFAIL("no ConfigError thrown");
        } catch (const ConfigError &e) {
            QCOMPARE(e.setting, variable);
            QVERIFY2(!e.problem.isEmpty(), "the message says what is allowed");
        }
    }

    void invalidFlagNamesTheFlag()
    {
        try {
            loadConfig(args({"--threads", "abc"}), QProcessEnvironment());
            QFAIL("no ConfigError thrown");
        } catch (const ConfigError &e) {
            QCOMPARE(e.setting, QStringLiteral("--threads"));
            QVERIFY(e.problem.contains(QLatin1String("abc")));
        }
    }

    void lanLinkSettings()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("CORKBOARD_TRUSTED_PROXIES"),
            QStringLiteral(" 127.0.0.1 , 10.0.0.0/8,fd00::/8"));
        env.insert(QStringLiteral("CORKBOARD_TLS"), QStringLiteral("on"));
        const Config c = loadConfig(args({"--serve", "--insecure-http"}), env);
        QCOMPARE(c.trustedProxies.size(), 3);
        QCOMPARE(c.trustedProxies.at(0).second, 32);
        QVERIFY(QHostAddress(QStringLiteral("10.9.8.7")).isInSubnet(c.trustedProxies.at(1)));
        QVERIFY(c.tlsAlways);
        QVERIFY(c.insecureHttp);
        QVERIFY(c.usesTls(QStringLiteral("127.0.0.1"))); // on: even loopback
        Config automatic = loadConfig(args({"--serve"}), QProcessEnvironment());
        QVERIFY(automatic.discovery);
        QVERIFY(automatic.usesTls(QStringLiteral("0.0.0.0")));
        QVERIFY(!automatic.usesTls(QStringLiteral("127.0.0.1")));
        QVERIFY(!automatic.usesTls(QStringLiteral("::1")));
        automatic.insecureHttp = true;
        QVERIFY(!automatic.usesTls(QStringLiteral("0.0.0.0")));
    }

    void unknownMigrateCommandIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(
            ConfigError, loadConfig(args({"--migrate", "sideways"}), QProcessEnvironment()));
    }

    void postgresUrlSelectsPostgres()
    {
        QTemporaryDir dir;
        const QString passwordFile = dir.filePath(QStringLiteral("pw"));
        QFile f(passwordFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("s3cret-pw\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const Config c = loadConfig(args({}),
            envWith({{"CORKBOARD_DATABASE_URL",
                         "postgres://corkboard@db.example:6543/boards?sslmode=verify-full&"
                         "connect_timeout=7"},
                {"CORKBOARD_DATABASE_PASSWORD_FILE", passwordFile.toUtf8().constData()}}));
        QVERIFY(c.usesPostgres());
        QVERIFY(c.sqlitePath().isEmpty());
        QCOMPARE(c.databasePassword, QStringLiteral("s3cret-pw"));
        const PostgresTarget t
            = parsePostgresUrl(QStringLiteral("CORKBOARD_DATABASE_URL"), c.databaseUrl);
        QCOMPARE(t.host, QStringLiteral("db.example"));
        QCOMPARE(t.port, 6543);
        QCOMPARE(t.database, QStringLiteral("boards"));
        QCOMPARE(t.user, QStringLiteral("corkboard"));
        QCOMPARE(t.connectOptions(), QStringLiteral("sslmode=verify-full;connect_timeout=7"));
        // A unix socket folder, and the password from the variable when there is no file.
        const Config s = loadConfig(args({}),
            envWith({{"CORKBOARD_DATABASE_URL", "postgresql://me@localhost/cb?host=/run/pg"},
                {"CORKBOARD_DATABASE_PASSWORD", "pw2"}}));
        QCOMPARE(
            parsePostgresUrl(QStringLiteral("x"), s.databaseUrl).host, QStringLiteral("/run/pg"));
        QCOMPARE(s.databasePassword, QStringLiteral("pw2"));
        // A password file others can read is refused, naming the variable.
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadOther));
        try {
            loadConfig(args({}),
                envWith({{"CORKBOARD_DATABASE_URL", "postgres://u@h/cb"},
                    {"CORKBOARD_DATABASE_PASSWORD_FILE", passwordFile.toUtf8().constData()}}));
            QFAIL("no ConfigError thrown");
        } catch (const ConfigError &e) {
            QCOMPARE(e.setting, QStringLiteral("CORKBOARD_DATABASE_PASSWORD_FILE"));
        }
        QCOMPARE(redactedDatabaseUrl(QStringLiteral("postgres://u:pw@h:5432/cb?sslmode=require")),
            QStringLiteral("postgres://u@h:5432/cb?sslmode=require"));
    }

    void envExampleListsEverySetting()
    {
        QFile file(QStringLiteral(CORKBOARD_SOURCE_DIR "/.env.example"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray example = file.readAll();
        static const QRegularExpression variable(QStringLiteral("CORKBOARD_[A-Z_]+"));
        const QString help = configHelpText();
        int count = 0;
        for (auto it = variable.globalMatch(help); it.hasNext();) {
            const QString name = it.next().captured(0);
            QVERIFY2(example.contains(QByteArray("\n#" + name.toLatin1() + "=")), qPrintable(name));
            ++count;
        }
        QVERIFY(count >= 20);
    }

    void binaryExitsTwoNamingTheSetting_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("env port") << QStringList {QStringLiteral("--serve")} << "CORKBOARD_PORT"
                                  << "70000"
                                  << "CORKBOARD_PORT";
        QTest::newRow("flag threads") << QStringList {QStringLiteral("--serve"),
            QStringLiteral("--threads"), QStringLiteral("abc")}
                                      << QString() << QString() << "--threads";
        QTest::newRow("env tls mode") << QStringList {QStringLiteral("--serve")} << "CORKBOARD_TLS"
                                      << "maybe"
                                      << "CORKBOARD_TLS";
        QTest::newRow("env trusted proxies")
            << QStringList {QStringLiteral("--serve")} << "CORKBOARD_TRUSTED_PROXIES"
            << "10.0.0.0/8,proxy.example"
            << "CORKBOARD_TRUSTED_PROXIES";
        QTest::newRow("tls cert without key")
            << QStringList {QStringLiteral("--serve")} << "CORKBOARD_TLS_CERT"
            << "/etc/ssl/certs/ssl-cert-snakeoil.pem"
            << "CORKBOARD_TLS_KEY";
        QTest::newRow("env log level")
            << QStringList {QStringLiteral("--serve")} << "CORKBOARD_LOG_LEVEL"
            << "loud"
            << "CORKBOARD_LOG_LEVEL";
    }

    void binaryExitsTwoNamingTheSetting()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QString, named);
        QVERIFY2(!binary().isEmpty(), "CORKBOARD_BINARY is set by corkboard_add_test");
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CORKBOARD_DATA_DIR"), dir.path());
        if (!variable.isEmpty())
            env.insert(variable, value);
        p.setProcessEnvironment(env);
        p.start(binary(), arguments);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(named), qPrintable(err));
        // Nothing was created: the server never started.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("corkboard.db"))));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
