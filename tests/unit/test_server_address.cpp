// How typed server addresses are read: a bare address means HTTPS; plain HTTP beyond this
// computer is recognised so the window can ask first.
#include "shared/client/server_address.h"

#include <QTest>

using namespace corkboard::client;

class TestServerAddress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bareAddressesMeanHttps()
    {
        QCOMPARE(ServerAddress::parse(QStringLiteral(" 192.168.1.20:8080 ")),
            std::optional<QUrl>(QUrl(QStringLiteral("https://192.168.1.20:8080"))));
        QCOMPARE(ServerAddress::parse(QStringLiteral("board.example.org"))->scheme(),
            QStringLiteral("https"));
        QCOMPARE(ServerAddress::parse(QStringLiteral("http://10.0.0.2:8080"))->scheme(),
            QStringLiteral("http"));
        QVERIFY(!ServerAddress::parse(QString()));
        QVERIFY(!ServerAddress::parse(QStringLiteral("ftp://10.0.0.2")));
        QVERIFY(!ServerAddress::parse(QStringLiteral("https://")));
    }

    void plainHttpBeyondLoopbackIsRecognised()
    {
        QVERIFY(ServerAddress::isPlainBeyondLoopback(QUrl(QStringLiteral("http://10.0.0.2:8080"))));
        QVERIFY(ServerAddress::isPlainBeyondLoopback(QUrl(QStringLiteral("http://board.lan"))));
        QVERIFY(!ServerAddress::isPlainBeyondLoopback(QUrl(QStringLiteral("https://10.0.0.2"))));
        QVERIFY(!ServerAddress::isPlainBeyondLoopback(QUrl(QStringLiteral("http://127.0.0.1:9"))));
        QVERIFY(!ServerAddress::isPlainBeyondLoopback(QUrl(QStringLiteral("http://[::1]:9"))));
        QVERIFY(!ServerAddress::isPlainBeyondLoopback(QUrl(QStringLiteral("http://localhost:9"))));
    }
};

QTEST_GUILESS_MAIN(TestServerAddress)
#include "test_server_address.moc"
