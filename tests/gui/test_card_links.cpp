// Card links and the one-window rule: a link made by "Copy link" reads back exactly; anything
// else that looks like one is refused rather than guessed; a second start hands its request to
// the running window over the local socket (also after a crash left the old socket behind).
#include "app/shell/card_link.h"
#include "app/shell/single_instance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace corkboard::ui;

class TestCardLinks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_runtime;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(
            m_runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
    }

    void linksReadBackExactly_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("card");
        QTest::newRow("local card") << QStringLiteral("local") << QStringLiteral("c_1-x");
        QTest::newRow("team board")
            << QStringLiteral("https://boards.example.com:8443") << QString();
        QTest::newRow("ipv6") << QStringLiteral("https://[fd00::1]:8443") << QStringLiteral("c2");
        QTest::newRow("plain http")
            << QStringLiteral("http://192.168.1.20:8080") << QStringLiteral("card");
    }

    void linksReadBackExactly()
    {
        QFETCH(QString, server);
        QFETCH(QString, card);
        const CardLink link {server, QStringLiteral("b0ard-ID_9"), card};
        const QString text = link.toString();
        QVERIFY2(text.startsWith(QStringLiteral("corkboard://open?")), qPrintable(text));
        const auto back = CardLink::parse(text);
        QVERIFY2(back, qPrintable(text));
        QCOMPARE(back->server, server);
        QCOMPARE(back->boardId, link.boardId);
        QCOMPARE(back->cardId, card);
        // Pasted with surrounding blanks (as chat apps copy it): the same.
        QVERIFY(CardLink::parse(QStringLiteral("  ") + text + QStringLiteral("\n")));
    }

    void anythingElseIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        const QString ok
            = CardLink {QStringLiteral("local"), QStringLiteral("b"), QStringLiteral("c")}
                  .toString();
        QVERIFY(CardLink::parse(ok));
        QTest::newRow("empty") << QString();
        QTest::newRow("web link") << QStringLiteral("https://example.com/?board=b");
        QTest::newRow("other host") << QStringLiteral("corkboard://evil?server=local&board=b");
        QTest::newRow("path") << QStringLiteral("corkboard://open/x?server=local&board=b");
        QTest::newRow("no board") << QStringLiteral("corkboard://open?server=local");
        QTest::newRow("no server") << QStringLiteral("corkboard://open?board=b");
        QTest::newRow("twice") << QStringLiteral("corkboard://open?server=local&board=b&board=c");
        QTest::newRow("unknown") << QStringLiteral("corkboard://open?server=local&board=b&x=1");
        QTest::newRow("odd id") << QStringLiteral("corkboard://open?server=local&board=b%2F..");
        QTest::newRow("script server")
            << QStringLiteral("corkboard://open?server=javascript%3Aalert(1)&board=b");
        QTest::newRow("file server")
            << QStringLiteral("corkboard://open?server=file%3A%2F%2F%2Fetc&board=b");
        QTest::newRow("password in server")
            << QStringLiteral("corkboard://open?server=https%3A%2F%2Fu%3Apw%40host&board=b");
        QTest::newRow("long id") << QStringLiteral("corkboard://open?server=local&board=")
                + QString(65, QLatin1Char('a'));
        QTest::newRow("huge") << ok + QStringLiteral("&card=") + QString(3000, QLatin1Char('c'));
        QTest::newRow("fragment") << ok + QStringLiteral("#x");
    }

    void anythingElseIsRefused()
    {
        QFETCH(QString, text);
        QVERIFY2(!CardLink::parse(text), qPrintable(text));
    }

    void aSecondStartHandsItsRequestToTheFirst()
    {
        SingleInstance first(QStringLiteral("/data/one"));
        // Nobody runs yet: nothing takes the request.
        QVERIFY(!first.forward({QStringLiteral("show")}, 500));
        QVERIFY(first.listen());
        QFileInfo socket(first.socketPath());
        QVERIFY(socket.exists());
        QVERIFY(!socket.permissions().testFlag(QFile::ReadOther));
        QSignalSpy received(&first, &SingleInstance::received);

        const QString link
            = CardLink {QStringLiteral("local"), QStringLiteral("b"), QStringLiteral("c")}
                  .toString();
        // The second start, on its own thread (it waits for the answer).
        auto second = QtConcurrent::run([link] {
            return SingleInstance(QStringLiteral("/data/one"))
                .forward({QStringLiteral("show"), link});
        });
        QTRY_COMPARE(received.size(), 1);
        QTRY_VERIFY(second.isFinished());
        QVERIFY(second.result());
        QCOMPARE(
            received.first().first().toStringList(), (QStringList {QStringLiteral("show"), link}));

        // Another data folder is another window.
        auto other = QtConcurrent::run([] {
            return SingleInstance(QStringLiteral("/data/two"))
                .forward({QStringLiteral("show")}, 500);
        });
        QTRY_VERIFY(other.isFinished());
        QVERIFY(!other.result());
        QCOMPARE(received.size(), 1);
    }

    void aSocketLeftByACrashIsTakenOver()
    {
        SingleInstance crashed(QStringLiteral("/data/crashed"));
        // What a killed program leaves: a bound socket file nobody listens on.
        const QByteArray path = crashed.socketPath().toUtf8();
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, path.constData(), sizeof(address.sun_path));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        QVERIFY(QFileInfo::exists(crashed.socketPath()));

        SingleInstance next(QStringLiteral("/data/crashed"));
        QVERIFY(next.listen());
        QSignalSpy received(&next, &SingleInstance::received);
        auto later = QtConcurrent::run([] {
            return SingleInstance(QStringLiteral("/data/crashed"))
                .forward({QStringLiteral("show")});
        });
        QTRY_COMPARE(received.size(), 1);
        QTRY_VERIFY(later.isFinished());
        QVERIFY(later.result());
    }
};

QTEST_GUILESS_MAIN(TestCardLinks)
#include "test_card_links.moc"
