// The webhook containment policy, address by address: what is refused by default, what the
// administrator's allowlist opens, what it can never open, and this host's own addresses.
#include "server/features/webhooks/webhook_target_policy.h"

#include <QNetworkInterface>
#include <QTest>

using namespace corkboard;

class TestWebhookTargetPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QStringList>("allow");
        QTest::addColumn<bool>("allowed");
        const QStringList none;
        const QStringList lan {QStringLiteral("10.0.5.0/24"), QStringLiteral("fd12::/64")};
        QTest::newRow("public v4") << "93.184.216.34" << none << true;
        QTest::newRow("public v6") << "2606:2800:220:1:248:1893:25c8:1946" << none << true;
        QTest::newRow("10/8") << "10.0.0.1" << none << false;
        QTest::newRow("172.16/12") << "172.31.255.254" << none << false;
        QTest::newRow("172.32 is public") << "172.32.0.1" << none << true;
        QTest::newRow("192.168/16") << "192.168.0.1" << none << false;
        QTest::newRow("CGNAT") << "100.64.0.1" << none << false;
        QTest::newRow("CGNAT top") << "100.127.255.254" << none << false;
        QTest::newRow("100.128 is public") << "100.128.0.1" << none << true;
        QTest::newRow("loopback") << "127.0.0.1" << none << false;
        QTest::newRow("loopback /8") << "127.9.9.9" << none << false;
        QTest::newRow("metadata") << "169.254.169.254" << none << false;
        QTest::newRow("this network") << "0.1.2.3" << none << false;
        QTest::newRow("unspecified v4") << "0.0.0.0" << none << false;
        QTest::newRow("broadcast") << "255.255.255.255" << none << false;
        QTest::newRow("multicast v4") << "239.1.2.3" << none << false;
        QTest::newRow("reserved 240/4") << "240.0.0.1" << none << false;
        QTest::newRow("benchmarking") << "198.18.0.1" << none << false;
        QTest::newRow("v6 loopback") << "::1" << none << false;
        QTest::newRow("v6 unspecified") << "::" << none << false;
        QTest::newRow("ULA fc") << "fc00::1" << none << false;
        QTest::newRow("ULA fd") << "fd00::1" << none << false;
        QTest::newRow("link-local v6") << "fe80::1" << none << false;
        QTest::newRow("link-local v6 scoped") << "fe80::1%eth0" << none << false;
        QTest::newRow("site-local v6") << "fec0::1" << none << false;
        QTest::newRow("multicast v6") << "ff02::1" << none << false;
        QTest::newRow("mapped private") << "::ffff:10.0.0.1" << none << false;
        QTest::newRow("mapped loopback") << "::ffff:127.0.0.1" << none << false;
        QTest::newRow("mapped public") << "::ffff:93.184.216.34" << none << true;
        QTest::newRow("v4-compatible") << "::10.0.0.1" << none << false;
        QTest::newRow("NAT64 metadata") << "64:ff9b::a9fe:a9fe" << none << false;
        QTest::newRow("NAT64 public") << "64:ff9b::5db8:d822" << none << true;
        QTest::newRow("6to4 private") << "2002:0a00:0001::1" << none << false;
        QTest::newRow("6to4 public") << "2002:5db8:d822::1" << none << true;
        QTest::newRow("Teredo") << "2001:0:4136:e378::1" << none << false;
        QTest::newRow("documentation v6") << "2001:db8::1" << none << false;
        QTest::newRow("allowlisted LAN host") << "10.0.5.20" << lan << true;
        QTest::newRow("LAN host outside the list") << "10.0.6.20" << lan << false;
        QTest::newRow("allowlisted v6") << "fd12::7" << lan << true;
        QTest::newRow("mapped allowlisted") << "::ffff:10.0.5.20" << lan << true;
        QTest::newRow("allowlisted loopback")
            << "127.0.0.1" << QStringList {QStringLiteral("127.0.0.1/32")} << true;
        QTest::newRow("allowlist never opens unspecified")
            << "0.0.0.0" << QStringList {QStringLiteral("0.0.0.0/0")} << false;
        QTest::newRow("allowlist never opens multicast")
            << "224.0.0.1" << QStringList {QStringLiteral("0.0.0.0/0")} << false;
        QTest::newRow("allowlist never opens broadcast")
            << "255.255.255.255" << QStringList {QStringLiteral("0.0.0.0/0")} << false;
        QTest::newRow("own public address") << "81.2.69.160" << none << false;
        QTest::newRow("its neighbour") << "81.2.69.161" << none << true;
        QTest::newRow("own v6 address") << "2a01:4f8::77" << none << false;
        QTest::newRow("own address allowlisted")
            << "81.2.69.160" << QStringList {QStringLiteral("81.2.69.160/32")} << true;
    }

    void addresses()
    {
        QFETCH(QString, address);
        QFETCH(QStringList, allow);
        QFETCH(bool, allowed);
        // This host's interfaces, as QNetworkInterface would list them.
        const QList<QHostAddress> own {QHostAddress(QStringLiteral("81.2.69.160")),
            QHostAddress(QStringLiteral("2a01:4f8::77")),
            QHostAddress(QStringLiteral("127.0.0.1"))};
        const WebhookTargetPolicy policy(allow, own);
        const QHostAddress a(address);
        QVERIFY(!a.isNull());
        QCOMPARE(policy.allows(a), allowed);
    }

    void theHostsOwnInterfacesAreRefused()
    {
        // Whatever this machine's addresses are (LAN, bridge, public), none is a target.
        const WebhookTargetPolicy policy({});
        const auto own = QNetworkInterface::allAddresses();
        QVERIFY(!own.isEmpty());
        for (const QHostAddress &a : own)
            QVERIFY2(!policy.allows(a), qPrintable(a.toString()));
    }

    void hostsAtCreation_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("allow");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("a name") << "hooks.example.com" << QStringList() << true;
        QTest::newRow("a public literal") << "93.184.216.34" << QStringList() << true;
        QTest::newRow("private literal") << "10.1.2.3" << QStringList() << false;
        QTest::newRow("localhost") << "localhost" << QStringList() << false;
        QTest::newRow("LOCALHOST.") << "LOCALHOST." << QStringList() << false;
        QTest::newRow("x.localhost") << "x.localhost" << QStringList() << false;
        QTest::newRow("localhost, v4 loopback allowed only")
            << "localhost" << QStringList {QStringLiteral("127.0.0.1/32")} << false;
        QTest::newRow("localhost, both loopbacks allowed")
            << "localhost" << QStringList {QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")}
            << true;
        QTest::newRow("allowlisted literal")
            << "10.1.2.3" << QStringList {QStringLiteral("10.1.0.0/16")} << true;
    }

    void hostsAtCreation()
    {
        QFETCH(QString, host);
        QFETCH(QStringList, allow);
        QFETCH(bool, acceptable);
        const WebhookTargetPolicy policy(allow, {});
        QCOMPARE(policy.hostProblem(host).isEmpty(), acceptable);
    }
};

QTEST_GUILESS_MAIN(TestWebhookTargetPolicy)
#include "test_webhook_target_policy.moc"
