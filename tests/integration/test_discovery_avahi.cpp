// Discovery through a real avahi-daemon (started by tests/discovery/avahi_namespace.sh in a
// private network namespace on a private D-Bus system bus): a server listening beyond loopback
// announces _corkboard._tcp with its certificate fingerprint; the client's browser finds it with
// that fingerprint, sees it vanish when the server stops, and reports discovery unavailable when
// the daemon goes away.
#include "shared/client/server_browser.h"
#include "tests/support/test_server.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

namespace {
constexpr int kWait = 20000;

int rowOnPort(const DiscoveredServersModel &model, quint16 port)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.server(row).port == port)
            return row;
    }
    return -1;
}
} // namespace

class TestDiscoveryAvahi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CORKBOARD_TEST_AVAHI_PID"),
            "run through tests/discovery/avahi_namespace.sh (it starts the avahi-daemon)");
    }

    void serverIsFoundWithItsFingerprintAndVanishes()
    {
        auto browser = makeServerBrowser();
        DiscoveredServersModel model;
        model.setBrowser(browser.get());
        browser->start();

        auto server = std::make_unique<TestServer>([](Config &c) {
            c.host = QStringLiteral("0.0.0.0"); // beyond loopback: HTTPS and announced
            c.discovery = true;
        });
        const quint16 port = server->port();
        const QString fingerprint = server->host().tlsFingerprint();
        QVERIFY(!fingerprint.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rowOnPort(model, port) >= 0, kWait);
        QVERIFY(model.isAvailable());
        const DiscoveredServer found = model.server(rowOnPort(model, port));
        QVERIFY(found.name.startsWith(QStringLiteral("Corkboard on ")));
        QVERIFY(found.record.tls);
        QCOMPARE(found.record.fingerprint, fingerprint);
        QCOMPARE(found.record.version, QStringLiteral(CORKBOARD_VERSION));
        QCOMPARE(found.url().scheme(), QStringLiteral("https"));
        QCOMPARE(found.url().port(), int(port));

        server.reset(); // stops announcing
        QTRY_COMPARE_WITH_TIMEOUT(rowOnPort(model, port), -1, kWait);
    }

    void loopbackServersAreNotAnnounced()
    {
        auto browser = makeServerBrowser();
        DiscoveredServersModel model;
        model.setBrowser(browser.get());
        browser->start();
        TestServer local([](Config &c) { c.discovery = true; }); // 127.0.0.1
        TestServer shared([](Config &c) {
            c.host = QStringLiteral("0.0.0.0");
            c.discovery = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(rowOnPort(model, shared.port()) >= 0, kWait);
        QCOMPARE(rowOnPort(model, local.port()), -1);
    }

    void daemonGoneMeansUnavailable()
    {
        auto browser = makeServerBrowser();
        DiscoveredServersModel model;
        model.setBrowser(browser.get());
        QSignalSpy availability(&model, &DiscoveredServersModel::availabilityChanged);
        browser->start();
        TestServer shared([](Config &c) {
            c.host = QStringLiteral("0.0.0.0");
            c.discovery = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(rowOnPort(model, shared.port()) >= 0, kWait); // connected
        QVERIFY(model.isAvailable());
        ::kill(pid_t(qEnvironmentVariableIntValue("CORKBOARD_TEST_AVAHI_PID")), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isAvailable(), kWait);
        QCOMPARE(availability.size(), 1);
        QVERIFY(model.unavailableReason().contains(QStringLiteral("Avahi")));
        QCOMPARE(model.rowCount(), 0); // nothing stale is offered
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryAvahi)
#include "test_discovery_avahi.moc"
